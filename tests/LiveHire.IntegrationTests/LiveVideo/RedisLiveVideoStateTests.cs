using LiveHire.Core.Adapters;
using LiveHire.Testing;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.LiveVideo;

public sealed class RedisLiveVideoStateTests : LiveVideoStateContract, IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly string _connectionString;
    private readonly string _prefix;

    public RedisLiveVideoStateTests(TestServers servers) : this(servers.RedisConnectionString, $"t{Guid.NewGuid():N}") { }

    private RedisLiveVideoStateTests(string connectionString, string prefix) : this(ConnectionMultiplexer.Connect(connectionString), connectionString, prefix) { }

    private RedisLiveVideoStateTests(ConnectionMultiplexer redis, string connectionString, string prefix) : base(new RedisLiveVideoState(redis, prefix))
    {
        _redis = redis;
        _connectionString = connectionString;
        _prefix = prefix;
    }

    protected override TimeSpan ShortLease => TimeSpan.FromMilliseconds(500);

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration, Ct);

    [Fact]
    public async Task Two_nodes_on_one_redis_share_the_lease_and_the_state()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(_connectionString);
        var nodeB = new RedisLiveVideoState(other, _prefix);
        var session = Guid.NewGuid();

        (await State.TryHoldIngestAsync(session, "a", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();
        (await nodeB.TryHoldIngestAsync(session, "b", TimeSpan.FromMinutes(1), Ct)).ShouldBeFalse();
        await State.SetStateAsync(session, LiveHire.Core.Ports.VideoState.Live, Ct);
        (await nodeB.GetStateAsync(session, Ct)).ShouldBe(LiveHire.Core.Ports.VideoState.Live);
    }

    public async ValueTask DisposeAsync()
    {
        var server = _redis.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: _prefix + ":*"))
            await _redis.GetDatabase().KeyDeleteAsync(key);
        await _redis.DisposeAsync();
    }
}

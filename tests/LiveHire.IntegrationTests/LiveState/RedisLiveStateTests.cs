using LiveHire.Core.Adapters;
using LiveHire.Testing;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.LiveState;

public sealed class RedisLiveStateTests : LiveStateContract, IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly string _connectionString;
    private readonly string _prefix;

    public RedisLiveStateTests(TestServers servers) : this(servers.RedisConnectionString, $"t{Guid.NewGuid():N}") { }

    // A key prefix of its own per test: tests share one Redis yet never see each other's keys.
    private RedisLiveStateTests(string connectionString, string prefix) : this(ConnectionMultiplexer.Connect(connectionString), connectionString, prefix) { }

    private RedisLiveStateTests(ConnectionMultiplexer redis, string connectionString, string prefix)
        : base(new RedisLiveState(redis, prefix))
    {
        _redis = redis;
        _connectionString = connectionString;
        _prefix = prefix;
    }

    protected override TimeSpan ShortWindow => TimeSpan.FromSeconds(1);

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration, Ct);

    public async ValueTask DisposeAsync()
    {
        var server = _redis.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: _prefix + ":*"))
            await _redis.GetDatabase().KeyDeleteAsync(key);
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_on_one_redis_see_the_same_viewers_and_votes()
    {
        await using var otherConnection = await ConnectionMultiplexer.ConnectAsync(_connectionString);
        var nodeA = State;
        var nodeB = new RedisLiveState(otherConnection, _prefix);
        Guid session = Guid.NewGuid(), question = Guid.NewGuid(), ann = Guid.NewGuid(), bob = Guid.NewGuid();

        (await nodeA.JoinAsync(session, "u:ann", "tab-on-a", Ct)).PersonChanged.ShouldBeTrue();
        (await nodeB.JoinAsync(session, "u:ann", "tab-on-b", Ct)).ShouldBe(new(Viewers: 1, Peak: 1, PersonChanged: false));
        (await nodeB.JoinAsync(session, "u:bob", "tab-on-b2", Ct)).ShouldBe(new(Viewers: 2, Peak: 2, PersonChanged: true));
        (await nodeA.ToggleVoteAsync(session, question, ann, Ct)).Votes.ShouldBe(1);
        (await nodeB.ToggleVoteAsync(session, question, bob, Ct)).Votes.ShouldBe(2);
        (await nodeA.LeaveAsync(session, "u:ann", "tab-on-a", Ct)).PersonChanged.ShouldBeFalse();

        (await nodeA.CountViewersAsync(session, Ct)).ShouldBe(2);
        (await nodeB.ListViewersAsync(session, Ct)).ShouldBe(["u:ann", "u:bob"], ignoreOrder: true);
        (await nodeA.GetVoteCountsAsync(session, Ct))[question].ShouldBe(2);
        (await nodeB.GetVotedQuestionsAsync(session, ann, Ct)).ShouldBe([question]);
    }

    [Fact]
    public async Task Limiter_budget_is_shared_by_every_node()
    {
        await using var otherConnection = await ConnectionMultiplexer.ConnectAsync(_connectionString);
        var nodeB = new RedisLiveState(otherConnection, _prefix);
        var key = $"ask:{Guid.NewGuid():N}";

        (await State.TryAcquireAsync(key, limit: 2, TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();
        (await nodeB.TryAcquireAsync(key, limit: 2, TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();

        (await State.TryAcquireAsync(key, limit: 2, TimeSpan.FromMinutes(1), Ct)).ShouldBeFalse();
        (await nodeB.TryAcquireAsync(key, limit: 2, TimeSpan.FromMinutes(1), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_key_of_a_session_sits_under_the_prefix_in_one_cluster_slot()
    {
        var session = Guid.NewGuid();
        await State.JoinAsync(session, "u:ann", "c1", Ct);
        await State.ToggleVoteAsync(session, Guid.NewGuid(), Guid.NewGuid(), Ct);

        var keys = await Keys();

        keys.Count.ShouldBeGreaterThanOrEqualTo(4);
        keys.ShouldAllBe(k => k.StartsWith(_prefix + ":{session:" + session + "}:"));
        keys.Select(k => _redis.HashSlot(k)).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Limiter_keys_expire_with_their_window()
    {
        await State.TryAcquireAsync("ask:ann", limit: 5, TimeSpan.FromSeconds(30), Ct);

        var key = (await Keys()).ShouldHaveSingleItem();
        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync(key);

        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Session_keys_expire_when_the_session_goes_idle()
    {
        var session = Guid.NewGuid();
        await State.JoinAsync(session, "u:ann", "c1", Ct);
        await State.ToggleVoteAsync(session, Guid.NewGuid(), Guid.NewGuid(), Ct);

        foreach (var key in await Keys())
        {
            var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync(key);
            ttl.ShouldNotBeNull($"{key} has no TTL");
            ttl.Value.ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromHours(24), key);
        }
    }

    [Fact]
    public async Task Health_check_throws_when_redis_is_unreachable()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{FreePort.Next()}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.SyncTimeout = options.AsyncTimeout = 1000;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);

        await Should.ThrowAsync<RedisException>(() => new RedisLiveState(unreachable, "down").CheckHealthAsync(Ct));
    }

    private async Task<List<string>> Keys()
    {
        var keys = new List<string>();
        await foreach (var key in _redis.GetServers()[0].KeysAsync(pattern: _prefix + ":*"))
            keys.Add(key.ToString());
        return keys;
    }
}

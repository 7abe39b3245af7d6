using LiveHire.Core.Ports;
using StackExchange.Redis;

namespace LiveHire.Core.Adapters;

/// <summary>Live video state in Redis (Distributed mode), shared by every Realtime node; keys share the session's hash tag.</summary>
internal sealed class RedisLiveVideoState(IConnectionMultiplexer redis, string keyPrefix) : ILiveVideoState
{
    // Take the lease when free or already ours (renewal); ARGV: node, lease ms.
    private const string HoldScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    private RedisKey StateKey(Guid sessionId) => $"{keyPrefix}:{{session:{sessionId}}}:video-state";
    private RedisKey LeaseKey(Guid sessionId) => $"{keyPrefix}:{{session:{sessionId}}}:ingest-lease";

    public Task SetStateAsync(Guid sessionId, VideoState state, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().StringSetAsync(StateKey(sessionId), (int)state, InMemoryLiveState.IdleLifetime);

    public async Task<VideoState?> GetStateAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var value = await redis.GetDatabase().StringGetAsync(StateKey(sessionId));
        return !value.IsNull && value.TryParse(out int state) ? (VideoState)state : null;
    }

    public async Task<bool> TryHoldIngestAsync(Guid sessionId, string node, TimeSpan lease, CancellationToken cancellationToken = default) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(HoldScript, [LeaseKey(sessionId)], [node, (long)lease.TotalMilliseconds]) == 1;

    public Task ReleaseIngestAsync(Guid sessionId, string node, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [LeaseKey(sessionId)], [node]);
}

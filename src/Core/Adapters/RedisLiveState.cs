using LiveHire.Core.Ports;
using StackExchange.Redis;

namespace LiveHire.Core.Adapters;

/// <summary>
/// Live state in Redis (Distributed mode), shared by every Realtime node. Each read-modify-write is one Lua script,
/// so two nodes never interleave inside it; every key of a session carries the hash tag <c>{session:&lt;id&gt;}</c>,
/// so a script's keys always live in one Redis Cluster slot.
/// </summary>
internal sealed class RedisLiveState(IConnectionMultiplexer redis, string keyPrefix) : ILiveState
{
    // Session keys are refreshed by every change, so a live room never loses them; an abandoned room (or the
    // presence a crashed node never cleared) disappears after a day instead of staying forever.
    private static readonly TimeSpan IdleLifetime = InMemoryLiveState.IdleLifetime;

    // KEYS: the viewer's connections, the session's viewers, the session's peak. ARGV: connection, viewer, ttl ms.
    private const string JoinScript = """
        redis.call('SADD', KEYS[1], ARGV[1])
        local changed = redis.call('SADD', KEYS[2], ARGV[2])
        local viewers = redis.call('SCARD', KEYS[2])
        local peak = tonumber(redis.call('GET', KEYS[3]) or '0')
        if viewers > peak then peak = viewers end
        redis.call('SET', KEYS[3], peak, 'PX', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return {viewers, peak, changed}
        """;

    // Same KEYS and ARGV as JoinScript. The person goes when their connection set is empty, whether by this removal
    // or because it expired, so an expired set can never pin a viewer in the session forever.
    private const string LeaveScript = """
        redis.call('SREM', KEYS[1], ARGV[1])
        local changed = 0
        if redis.call('SCARD', KEYS[1]) == 0 then
          changed = redis.call('SREM', KEYS[2], ARGV[2])
        end
        local viewers = redis.call('SCARD', KEYS[2])
        local peak = tonumber(redis.call('GET', KEYS[3]) or '0')
        return {viewers, peak, changed}
        """;

    // KEYS: the user's voted questions, the session's tallies. ARGV: question, ttl ms.
    private const string ToggleVoteScript = """
        local voted, votes
        if redis.call('SREM', KEYS[1], ARGV[1]) == 1 then
          voted = 0
          votes = redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
          if votes <= 0 then
            redis.call('HDEL', KEYS[2], ARGV[1])
            votes = 0
          end
        else
          redis.call('SADD', KEYS[1], ARGV[1])
          voted = 1
          votes = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return {voted, votes}
        """;

    // KEYS: the counter. ARGV: limit, window ms. A refused call is not counted, and the window starts at the first
    // call, so the key always carries the TTL that ends its window.
    private const string AcquireScript = """
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        if used >= tonumber(ARGV[1]) then return 0 end
        if redis.call('INCR', KEYS[1]) == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 1
        """;

    private readonly string _prefix = keyPrefix.EndsWith(':') ? keyPrefix : keyPrefix + ":";

    private IDatabase Db => redis.GetDatabase();

    public async Task<PresenceChange> JoinAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default) =>
        await PresenceAsync(JoinScript, sessionId, viewerKey, connectionId, cancellationToken);

    public async Task<PresenceChange> LeaveAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default) =>
        await PresenceAsync(LeaveScript, sessionId, viewerKey, connectionId, cancellationToken);

    public async Task<long> CountViewersAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Db.SetLengthAsync(Key($"session:{sessionId}", "viewers"));
    }

    public async Task<IReadOnlyList<string>> ListViewersAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var members = await Db.SetMembersAsync(Key($"session:{sessionId}", "viewers"));
        return [.. members.Select(m => m.ToString())];
    }

    public async Task<VoteToggle> ToggleVoteAsync(Guid sessionId, Guid questionId, Guid userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tag = $"session:{sessionId}";
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ToggleVoteScript,
            [Key(tag, $"voted:{userId}"), Key(tag, "votes")],
            [questionId.ToString(), (long)IdleLifetime.TotalMilliseconds]))!;
        return new VoteToggle((long)result[0] == 1, (long)result[1]);
    }

    public async Task<IReadOnlyDictionary<Guid, long>> GetVoteCountsAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Db.HashGetAllAsync(Key($"session:{sessionId}", "votes"));
        return entries.ToDictionary(e => Guid.Parse(e.Name.ToString()), e => (long)e.Value);
    }

    public async Task<IReadOnlySet<Guid>> GetVotedQuestionsAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var members = await Db.SetMembersAsync(Key($"session:{sessionId}", $"voted:{userId}"));
        return members.Select(m => Guid.Parse(m.ToString())).ToHashSet();
    }

    public async Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        cancellationToken.ThrowIfCancellationRequested();
        var acquired = await Db.ScriptEvaluateAsync(AcquireScript,
            [Key($"rate:{key}", "count")],
            [limit, (long)Math.Ceiling(window.TotalMilliseconds)]);
        return (long)acquired == 1;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Db.PingAsync();
    }

    // StackExchange.Redis 2.x commands take no token: cancellation is honoured before a command is sent, and each
    // command is bounded by the multiplexer's own timeouts.
    private async Task<PresenceChange> PresenceAsync(string script, Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(viewerKey);
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        var tag = $"session:{sessionId}";
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(script,
            [Key(tag, $"connections:{viewerKey}"), Key(tag, "viewers"), Key(tag, "peak")],
            [connectionId, viewerKey, (long)IdleLifetime.TotalMilliseconds]))!;
        return new PresenceChange((long)result[0], (long)result[1], (long)result[2] == 1);
    }

    // Every key is made here: "<prefix>:{<tag>}:<name>". Redis Cluster hashes only the part in braces, so all keys
    // that share a tag (one session's, or one limiter's) land in the same slot, as multi-key scripts require.
    private RedisKey Key(string tag, string name) => $"{_prefix}{{{tag}}}:{name}";
}

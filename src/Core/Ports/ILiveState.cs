namespace LiveHire.Core.Ports;

/// <summary>Presence in one session after a join or leave.</summary>
/// <param name="Viewers">Unique people (not tabs, not connections) watching now.</param>
/// <param name="Peak">The highest <paramref name="Viewers"/> seen in this session.</param>
/// <param name="PersonChanged">True when this join was the person's first connection, or this leave their last.</param>
public readonly record struct PresenceChange(long Viewers, long Peak, bool PersonChanged);

/// <summary>A person's vote on a question after a toggle.</summary>
public readonly record struct VoteToggle(bool Voted, long Votes);

/// <summary>
/// Fast, shared, non-durable state of live rooms: presence, vote tallies and rate limits. In memory in Embedded
/// mode, Redis in Distributed mode (so counts are global across Realtime nodes); both adapters pass the same
/// test suite. Viewer keys identify a person ("u:{userId}") or an anonymous browser ("a:{cookieId}").
/// </summary>
public interface ILiveState
{
    Task<PresenceChange> JoinAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default);
    Task<PresenceChange> LeaveAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default);
    Task<long> CountViewersAsync(Guid sessionId, CancellationToken cancellationToken = default);
    /// <summary>The viewer keys present now (the host's "who is watching").</summary>
    Task<IReadOnlyList<string>> ListViewersAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Adds the person's vote on a question, or removes it when present (one vote per person).</summary>
    Task<VoteToggle> ToggleVoteAsync(Guid sessionId, Guid questionId, Guid userId, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<Guid, long>> GetVoteCountsAsync(Guid sessionId, CancellationToken cancellationToken = default);
    Task<IReadOnlySet<Guid>> GetVotedQuestionsAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fixed-window limiter: true when the call under <paramref name="key"/> is within <paramref name="limit"/>
    /// calls per <paramref name="window"/>, and counts it; false (not counted) otherwise.
    /// </summary>
    Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Throws when the state store cannot be reached (used by /health/ready).</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>
/// Live state in this process (Embedded mode). Each session has its own lock, so rooms never contend with each
/// other. A session nobody watches is forgotten after <see cref="IdleLifetime"/> without changes, the same
/// lifetime the Redis adapter gives its keys, so both keep a room's peak and votes across a moment with no viewers.
/// </summary>
internal sealed class InMemoryLiveState(TimeProvider clock) : ILiveState
{
    internal static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Session> _sessions = new();
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public Task<PresenceChange> JoinAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(viewerKey);
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        return Task.FromResult(Update(sessionId, s =>
        {
            var personChanged = false;
            if (!s.Connections.TryGetValue(viewerKey, out var connections))
            {
                connections = new HashSet<string>(StringComparer.Ordinal);
                s.Connections.Add(viewerKey, connections);
                personChanged = true;
            }
            connections.Add(connectionId);
            s.Peak = Math.Max(s.Peak, s.Connections.Count);
            return new PresenceChange(s.Connections.Count, s.Peak, personChanged);
        }));
    }

    public Task<PresenceChange> LeaveAsync(Guid sessionId, string viewerKey, string connectionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(viewerKey);
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        return Task.FromResult(Update(sessionId, s =>
        {
            var personChanged = false;
            if (s.Connections.TryGetValue(viewerKey, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
            {
                s.Connections.Remove(viewerKey);
                personChanged = true;
            }
            return new PresenceChange(s.Connections.Count, s.Peak, personChanged);
        }));
    }

    public Task<long> CountViewersAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(sessionId, s => (long)s.Connections.Count, 0L));

    public Task<IReadOnlyList<string>> ListViewersAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read<IReadOnlyList<string>>(sessionId, s => [.. s.Connections.Keys], []));

    public Task<VoteToggle> ToggleVoteAsync(Guid sessionId, Guid questionId, Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Update(sessionId, s =>
        {
            if (!s.VotesByUser.TryGetValue(userId, out var voted))
            {
                voted = [];
                s.VotesByUser.Add(userId, voted);
            }

            if (voted.Remove(questionId))
            {
                if (voted.Count == 0) s.VotesByUser.Remove(userId);
                var left = s.Votes[questionId] - 1;
                // A question nobody votes for disappears from the tally, as it does in Redis.
                if (left == 0) s.Votes.Remove(questionId);
                else s.Votes[questionId] = left;
                return new VoteToggle(false, left);
            }

            voted.Add(questionId);
            var votes = s.Votes.GetValueOrDefault(questionId) + 1;
            s.Votes[questionId] = votes;
            return new VoteToggle(true, votes);
        }));

    public Task<IReadOnlyDictionary<Guid, long>> GetVoteCountsAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read<IReadOnlyDictionary<Guid, long>>(sessionId, s => new Dictionary<Guid, long>(s.Votes), new Dictionary<Guid, long>()));

    public Task<IReadOnlySet<Guid>> GetVotedQuestionsAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read<IReadOnlySet<Guid>>(sessionId,
            s => s.VotesByUser.TryGetValue(userId, out var voted) ? new HashSet<Guid>(voted) : new HashSet<Guid>(),
            new HashSet<Guid>()));

    public Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        SweepIfDue();
        var now = clock.GetUtcNow();
        while (true)
        {
            var current = _windows.GetOrAdd(key, static _ => new Window());
            lock (current.Gate)
            {
                // The sweep dropped this entry between the lookup and the lock; the next lookup makes a fresh one.
                if (current.Removed) continue;
                if (now >= current.EndsAt)
                {
                    current.EndsAt = now + window;
                    current.Count = 0;
                }
                if (current.Count >= limit) return Task.FromResult(false);
                current.Count++;
                return Task.FromResult(true);
            }
        }
    }

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private T Update<T>(Guid sessionId, Func<Session, T> change)
    {
        SweepIfDue();
        while (true)
        {
            var session = _sessions.GetOrAdd(sessionId, static _ => new Session());
            lock (session.Gate)
            {
                // The sweep dropped this entry between the lookup and the lock; the next lookup makes a fresh one.
                if (session.Removed) continue;
                session.ChangedAt = clock.GetUtcNow();
                return change(session);
            }
        }
    }

    private T Read<T>(Guid sessionId, Func<Session, T> read, T absent)
    {
        // Reads never create an entry, so polling an unknown session leaves nothing behind.
        if (!_sessions.TryGetValue(sessionId, out var session)) return absent;
        lock (session.Gate)
        {
            return session.Removed ? absent : read(session);
        }
    }

    // Sweeping on the callers' threads, at most once a minute, avoids a timer and keeps the class free of IDisposable.
    private void SweepIfDue()
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due) return;
        if (Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due) return;

        foreach (var (id, session) in _sessions)
        {
            lock (session.Gate)
            {
                if (session.Connections.Count > 0 || now - session.ChangedAt < IdleLifetime) continue;
                session.Removed = true;
                _sessions.TryRemove(new KeyValuePair<Guid, Session>(id, session));
            }
        }

        foreach (var (key, window) in _windows)
        {
            lock (window.Gate)
            {
                if (now < window.EndsAt) continue;
                window.Removed = true;
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed class Session
    {
        public readonly Lock Gate = new();
        // Keyed by person, holding their open connections, so a second tab is not a second viewer.
        public readonly Dictionary<string, HashSet<string>> Connections = new(StringComparer.Ordinal);
        public readonly Dictionary<Guid, long> Votes = [];
        public readonly Dictionary<Guid, HashSet<Guid>> VotesByUser = [];
        public long Peak;
        public DateTimeOffset ChangedAt;
        public bool Removed;
    }

    private sealed class Window
    {
        public readonly Lock Gate = new();
        public DateTimeOffset EndsAt;
        public int Count;
        public bool Removed;
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// What every vote, question and join of a room would otherwise read from the database, kept on this node for a moment:
/// a vote storm, a flood of questions or a crowd arriving costs one load per session per lifetime instead of one per call
/// (benchmark issue 7). Each change made on this node calls <see cref="Forget"/> after saving, so this node never serves facts
/// older than its own changes. Changes made elsewhere (another Realtime node, Web cancelling a slot) are seen at the
/// latest after <see cref="RulesLifetime"/> by votes and questions and <see cref="SnapshotLifetime"/> by joins: the staleness
/// bound stated in docs/realtime.md. Concurrent callers share one load; it runs in its own scope, so a caller that
/// leaves cannot dispose the context the others wait on.
/// </summary>
public sealed class RoomCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>
    /// How long a vote or a question may rely on the session's rules read earlier: its status, ban list, pre-moderation and
    /// slow mode (and, for votes, which questions are visible).
    /// </summary>
    public static readonly TimeSpan RulesLifetime = TimeSpan.FromSeconds(2);

    /// <summary>How long a join may show the room's session row, visible questions and showcase read earlier.</summary>
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(1);

    private readonly Shelf<RoomRules?> rules = new(RulesLifetime, clock);
    private readonly Shelf<RoomFacts?> roomFacts = new(SnapshotLifetime, clock);

    /// <summary>
    /// What a vote or a question checks: the session's status, ban list and question settings, plus the questions known
    /// visible; null when there is no such session.
    /// </summary>
    public sealed class RoomRules(Guid sessionId, bool open, bool preModeration, int slowModeSeconds, FrozenSet<Guid> banned, IEnumerable<Guid> visible)
    {
        /// <summary>What <see cref="Question.Ask(LiveHire.Core.Domain.AskRules, Guid, string?, DateTimeOffset)"/> needs.</summary>
        public AskRules Ask { get; } = new(sessionId, open, preModeration);
        /// <summary>Scheduled or live: takes questions and votes.</summary>
        public bool Open => Ask.AcceptsQuestions;
        public FrozenSet<Guid> Banned { get; } = banned;
        /// <summary>The host's slow mode in seconds; 0 for the default limit.</summary>
        public int SlowModeSeconds { get; } = slowModeSeconds;
        // The questions visible when the facts were read, and any found visible since. Only "visible" is remembered: a
        // question not in it (asked a moment ago, here or on another node, or restored) is looked up rather than refused
        // for a lifetime.
        public ConcurrentDictionary<Guid, bool> Visible { get; } = new(visible.Select(id => KeyValuePair.Create(id, true)));
    }

    /// <summary>The parts of a join snapshot that are the same for every viewer. Vote counts are not here: a join reads them live.</summary>
    public sealed record RoomFacts(SessionRow Session, IReadOnlyList<QuestionView> Questions, ShowcaseView Showcase);

    public sealed record SessionRow(Guid Id, string Title, string Employer, Guid EmployerId, LiveSessionStatus Status,
        DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, Guid? CurrentJobId);

    public Task<RoomRules?> RulesAsync(Guid sessionId, CancellationToken ct) =>
        rules.GetAsync(sessionId, () => LoadRulesAsync(sessionId), ct);

    public Task<RoomFacts?> RoomFactsAsync(Guid sessionId, CancellationToken ct) =>
        roomFacts.GetAsync(sessionId, () => LoadRoomFactsAsync(sessionId), ct);

    /// <summary>
    /// Whether the question is visible in the rules' session: known from <paramref name="rules"/> for the questions visible when
    /// they were read, otherwise looked up (and remembered when it is).
    /// </summary>
    public async Task<bool> IsVisibleAsync(RoomRules rules, Guid questionId, CancellationToken ct)
    {
        if (rules.Visible.ContainsKey(questionId)) return true;
        var sessionId = rules.Ask.SessionId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        var visible = await db.Questions.AsNoTracking()
            .AnyAsync(q => q.Id == questionId && q.SessionId == sessionId && q.Status == QuestionStatus.Visible, ct);
        if (visible) rules.Visible.TryAdd(questionId, true);
        return visible;
    }

    /// <summary>Something of the session changed on this node (saved already): the next vote, question and join read afresh.</summary>
    public void Forget(Guid sessionId)
    {
        rules.Forget(sessionId);
        roomFacts.Forget(sessionId);
    }

    /// <summary>Only what a join shows changed on this node (a question was asked): the next join reads afresh, votes and questions keep their rules.</summary>
    public void ForgetSnapshot(Guid sessionId) => roomFacts.Forget(sessionId);

    private async Task<RoomRules?> LoadRulesAsync(Guid sessionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        var session = await db.LiveSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new
            {
                Open = s.Status == LiveSessionStatus.Live || s.Status == LiveSessionStatus.Scheduled,
                s.PreModeration,
                s.SlowModeSeconds,
                Banned = db.SessionBans.Where(b => b.SessionId == s.Id).Select(b => b.UserId).ToList(),
            })
            .SingleOrDefaultAsync();
        if (session is null) return null;
        // Read with the facts rather than one question at a time: during a vote storm each question's first vote in every
        // lifetime would otherwise be a query of its own.
        var visible = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Status == QuestionStatus.Visible)
            .Select(q => q.Id)
            .ToListAsync();
        return new RoomRules(sessionId, session.Open, session.PreModeration, session.SlowModeSeconds, session.Banned.ToFrozenSet(), visible);
    }

    private async Task<RoomFacts?> LoadRoomFactsAsync(Guid sessionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        var session = await db.LiveSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new SessionRow(s.Id, s.Title, s.Employer!.Name, s.EmployerId, s.Status, s.ScheduledStart, s.ScheduledEnd, s.CurrentJobId))
            .SingleOrDefaultAsync();
        if (session is null) return null;
        var questions = await QuestionViews.RankingCandidatesAsync(db, sessionId, CancellationToken.None);
        var showcase = await ShowcaseViews.LoadAsync(db, sessionId, session.CurrentJobId, CancellationToken.None);
        return new RoomFacts(session, questions, showcase);
    }

    /// <summary>One value per session, loaded once for everyone asking within its lifetime.</summary>
    private sealed class Shelf<T>(TimeSpan lifetime, TimeProvider clock)
    {
        // Lazy: when two callers race to replace an old entry, only the one that wins starts a load.
        private sealed record Entry(Lazy<Task<T>> Load, long LoadedAt)
        {
            public Task<T> Value => Load.Value;
        }

        private readonly ConcurrentDictionary<Guid, Entry> entries = new();

        public async Task<T> GetAsync(Guid sessionId, Func<Task<T>> load, CancellationToken ct)
        {
            var now = clock.GetTimestamp();
            if (!entries.TryGetValue(sessionId, out var entry) || clock.GetElapsedTime(entry.LoadedAt, now) >= lifetime)
            {
                var fresh = new Entry(new Lazy<Task<T>>(load), now);
                entry = entries.AddOrUpdate(sessionId, fresh, (_, old) => clock.GetElapsedTime(old.LoadedAt, now) >= lifetime ? fresh : old);
                if (entry == fresh) Sweep(now);
            }
            try
            {
                return await entry.Value.WaitAsync(ct);
            }
            catch (Exception) when (entry.Value.IsFaulted)
            {
                // A failed load is not kept: the next caller tries again (this one sees the failure, as without the cache).
                entries.TryRemove(KeyValuePair.Create(sessionId, entry));
                throw;
            }
        }

        public void Forget(Guid sessionId) => entries.TryRemove(sessionId, out _);

        // Rooms end and are never asked about again; their entries go when the next load of any room finds them old.
        private void Sweep(long now)
        {
            foreach (var (id, entry) in entries)
                if (clock.GetElapsedTime(entry.LoadedAt, now) >= lifetime && entry.Load.IsValueCreated && entry.Value.IsCompleted)
                    entries.TryRemove(KeyValuePair.Create(id, entry));
        }
    }
}

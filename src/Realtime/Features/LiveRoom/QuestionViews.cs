using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>Reads questions as the room shows them: durable text and status from the database, live vote counts from state.</summary>
internal static class QuestionViews
{
    // Ranking needs every candidate's live count, so it reads the newest few hundred and ranks in memory; older,
    // unvoted questions below that line would never reach the top 50 of a room anyway.
    private const int RankingWindow = 500;

    /// <summary>The newest visible questions a room's top is ranked from, without vote counts (<see cref="Top"/> adds them).</summary>
    public static Task<IReadOnlyList<QuestionView>> RankingCandidatesAsync(LiveHireDbContext db, Guid sessionId, CancellationToken ct) =>
        ReadAsync(db, sessionId, QuestionStatus.Visible, RankingWindow, _ => 0, ct);

    /// <summary>The room's top: <paramref name="candidates"/> with their live counts, pinned first, then most votes, then newest.</summary>
    public static IReadOnlyList<QuestionView> Top(IReadOnlyList<QuestionView> candidates, IReadOnlyDictionary<Guid, long> votes, int take) =>
        QuestionRanking.ByVotes(candidates.Select(q => q with { Votes = votes.GetValueOrDefault(q.Id) })).Take(take).ToList();

    /// <summary>The newest questions of one status (a host's pending queue or hidden list).</summary>
    public static async Task<IReadOnlyList<QuestionView>> ListAsync(LiveHireDbContext db, ILiveState state, Guid sessionId, QuestionStatus status,
        int take, CancellationToken ct)
    {
        var votes = await state.GetVoteCountsAsync(sessionId, ct);
        return await ReadAsync(db, sessionId, status, take, id => votes.GetValueOrDefault(id), ct);
    }

    private static async Task<IReadOnlyList<QuestionView>> ReadAsync(LiveHireDbContext db, Guid sessionId, QuestionStatus status, int take,
        Func<Guid, long> votes, CancellationToken ct)
    {
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Status == status)
            .OrderByDescending(q => q.CreatedAt)
            .Take(take)
            .Select(q => new { Question = q, Author = q.Author!.DisplayName })
            .ToListAsync(ct);
        return rows.Select(r => From(r.Question, r.Author, votes(r.Question.Id))).ToList();
    }

    public static QuestionView From(Question q, string authorName, long votes) =>
        new(q.Id, q.SessionId, authorName, q.Text, q.CreatedAt, votes, q.Answer, q.Status.ToString(), q.PinnedAt, q.IsAnswered);

    /// <summary>One question's view after a change, with its author's name and live count.</summary>
    public static async Task<QuestionView> OneAsync(LiveHireDbContext db, ILiveState state, Question question, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == question.AuthorId).Select(u => u.DisplayName).SingleAsync(ct);
        var votes = await state.GetVoteCountsAsync(question.SessionId, ct);
        return From(question, author, votes.GetValueOrDefault(question.Id));
    }
}

/// <summary>The room's orders. Clients sort the same way (ClientApp/questions.ts); the server's order decides the snapshot's top.</summary>
public static class QuestionRanking
{
    /// <summary>Pinned first (latest pin on top), then most votes, then newest.</summary>
    public static IEnumerable<QuestionView> ByVotes(IEnumerable<QuestionView> questions) =>
        questions.OrderByDescending(q => q.PinnedAt.HasValue).ThenByDescending(q => q.PinnedAt)
            .ThenByDescending(q => q.Votes).ThenByDescending(q => q.CreatedAt).ThenBy(q => q.Id);

    /// <summary>Pinned first (latest pin on top), then newest.</summary>
    public static IEnumerable<QuestionView> Newest(IEnumerable<QuestionView> questions) =>
        questions.OrderByDescending(q => q.PinnedAt.HasValue).ThenByDescending(q => q.PinnedAt)
            .ThenByDescending(q => q.CreatedAt).ThenBy(q => q.Id);
}

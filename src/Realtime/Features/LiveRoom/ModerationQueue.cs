using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// What a host's studio needs beyond the room snapshot: settings, bans, pending and hidden questions. The studio asks
/// for it after every (re)join, next to the snapshot, so viewers' snapshots stay small and never carry any of it.
/// </summary>
public static class ModerationQueue
{
    public const int MaxQuestions = 200;

    public sealed record Query(Guid SessionId, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, ILiveState state)
    {
        public async Task<HubResult<ModerationQueueView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Caller.UserId() is null)
                return HubResult<ModerationQueueView>.Failure("auth.required", "Sign in to moderate questions.");
            var session = await db.LiveSessions.FindAsync([query.SessionId], cancellationToken);
            if (session is null)
                return HubResult<ModerationQueueView>.Failure(Error.NotFound("Session"));
            if (QuestionAccess.Check(query.Caller, session, QuestionAccess.Duty.Moderate) is { } denied)
                return HubResult<ModerationQueueView>.Failure(denied);

            var moderation = await ModerationViews.LoadAsync(db, session, cancellationToken);
            var pending = await QuestionViews.ListAsync(db, state, session.Id, QuestionStatus.Pending, MaxQuestions, cancellationToken);
            var hidden = await QuestionViews.ListAsync(db, state, session.Id, QuestionStatus.Hidden, MaxQuestions, cancellationToken);
            return HubResult<ModerationQueueView>.Success(new ModerationQueueView(moderation, pending, hidden));
        }
    }
}

internal static class ModerationViews
{
    public static async Task<ModerationView> LoadAsync(LiveHireDbContext db, LiveSession session, CancellationToken ct)
    {
        var banned = await (
                from b in db.SessionBans.AsNoTracking()
                join u in db.Users.AsNoTracking() on b.UserId equals u.Id
                where b.SessionId == session.Id
                orderby b.BannedAt descending
                select new BannedPersonView(b.UserId, u.DisplayName, b.BannedAt))
            .ToListAsync(ct);
        return new ModerationView(session.Id, session.PreModeration, session.SlowModeSeconds, banned);
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// A host or moderator bans the author of a question from the session (they still watch, but cannot ask or vote), and
/// may hide all their questions at once; or lifts a ban. Viewers never learn user ids: a ban names a question.
/// </summary>
public static class BanViewer
{
    public sealed record BanCommand(Guid SessionId, Guid QuestionId, bool HideQuestions, ClaimsPrincipal Caller);

    public sealed record UnbanCommand(Guid SessionId, Guid UserId, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache, TimeProvider clock)
    {
        public async Task<HubResult<ModerationView>> Handle(BanCommand command, CancellationToken cancellationToken)
        {
            var (session, question, error) = await QuestionAccess.LoadAsync(db, command.Caller, command.SessionId, command.QuestionId,
                QuestionAccess.Duty.Moderate, cancellationToken);
            if (error is not null) return HubResult<ModerationView>.Failure(error);

            var authorId = question!.AuthorId;
            // Banning twice is harmless: a retried tap or a second moderator leaves one ban.
            if (!await db.SessionBans.AnyAsync(b => b.SessionId == session!.Id && b.UserId == authorId, cancellationToken))
                db.SessionBans.Add(SessionBan.Create(session!.Id, authorId, command.Caller.UserId()!.Value, clock.GetUtcNow()));
            var hidden = new List<Question>();
            if (command.HideQuestions)
            {
                hidden = await db.Questions
                    .Where(q => q.SessionId == session!.Id && q.AuthorId == authorId && q.Status != QuestionStatus.Hidden)
                    .ToListAsync(cancellationToken);
                foreach (var q in hidden) q.Hide();
            }
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(session!.Id);

            foreach (var q in hidden)
                await QuestionBroadcast.ChangedAsync(hub, await QuestionViews.OneAsync(db, state, q, cancellationToken));
            return HubResult<ModerationView>.Success(await ChangedAsync(session!, cancellationToken));
        }

        public async Task<HubResult<ModerationView>> Handle(UnbanCommand command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is null)
                return HubResult<ModerationView>.Failure("auth.required", "Sign in to moderate questions.");
            var session = await db.LiveSessions.FindAsync([command.SessionId], cancellationToken);
            if (session is null) return HubResult<ModerationView>.Failure(Error.NotFound("Session"));
            if (QuestionAccess.Check(command.Caller, session, QuestionAccess.Duty.Moderate) is { } denied)
                return HubResult<ModerationView>.Failure(denied);

            // Lifting a ban that is not there is harmless too; hidden questions stay hidden until restored one by one.
            await db.SessionBans.Where(b => b.SessionId == session.Id && b.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
            cache.Forget(session.Id);
            return HubResult<ModerationView>.Success(await ChangedAsync(session, cancellationToken));
        }

        private async Task<ModerationView> ChangedAsync(LiveSession session, CancellationToken ct)
        {
            var view = await ModerationViews.LoadAsync(db, session, ct);
            await hub.Clients.Group(LiveGroups.Hosts(session.Id)).ModerationChanged(view);
            return view;
        }
    }
}

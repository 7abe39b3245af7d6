using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>The host turns pre-moderation on or off and sets slow mode (one question per N seconds per person; 0 = default).</summary>
public static class ConfigureModeration
{
    public sealed record Command(Guid SessionId, bool PreModeration, int SlowModeSeconds, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache)
    {
        public async Task<HubResult<ModerationView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is null)
                return HubResult<ModerationView>.Failure("auth.required", "Sign in to moderate questions.");
            var session = await db.LiveSessions.FindAsync([command.SessionId], cancellationToken);
            if (session is null)
                return HubResult<ModerationView>.Failure(Error.NotFound("Session"));
            if (QuestionAccess.Check(command.Caller, session, QuestionAccess.Duty.Host) is { } denied)
                return HubResult<ModerationView>.Failure(denied);

            var configured = session.ConfigureModeration(command.PreModeration, command.SlowModeSeconds);
            if (!configured.IsSuccess) return HubResult<ModerationView>.Failure(configured.Error!);
            await db.SaveChangesAsync(cancellationToken);
            // Questions asked through this node from now on follow the new settings.
            cache.Forget(session.Id);

            var view = await ModerationViews.LoadAsync(db, session, cancellationToken);
            await hub.Clients.Group(LiveGroups.Hosts(session.Id)).ModerationChanged(view);
            return HubResult<ModerationView>.Success(view);
        }
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>A host or moderator approves, hides, restores, pins or unpins a question; the change reaches whoever may see it.</summary>
public static class ModerateQuestion
{
    public enum Change { Approve, Hide, Restore, Pin, Unpin }

    public sealed record Command(Guid SessionId, Guid QuestionId, Change Action, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache, TimeProvider clock)
    {
        public async Task<HubResult<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Pinning decides what the stream talks about next: the host's call. Approve, hide and restore keep the room safe.
            var duty = command.Action is Change.Pin or Change.Unpin ? QuestionAccess.Duty.Host : QuestionAccess.Duty.Moderate;
            var (_, question, error) = await QuestionAccess.LoadAsync(db, command.Caller, command.SessionId, command.QuestionId, duty, cancellationToken);
            if (error is not null) return HubResult<QuestionView>.Failure(error);

            var changed = command.Action switch
            {
                Change.Approve => question!.Approve(),
                Change.Hide => question!.Hide(),
                Change.Restore => question!.Restore(),
                Change.Pin => question!.Pin(clock.GetUtcNow()),
                _ => Unpin(question!),
            };
            if (!changed.IsSuccess) return HubResult<QuestionView>.Failure(changed.Error!);
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(command.SessionId);

            var view = await QuestionViews.OneAsync(db, state, question!, cancellationToken);
            await QuestionBroadcast.ChangedAsync(hub, view);
            return HubResult<QuestionView>.Success(view);
        }

        private static Result Unpin(Question question)
        {
            question.Unpin();
            return Result.Success();
        }
    }
}

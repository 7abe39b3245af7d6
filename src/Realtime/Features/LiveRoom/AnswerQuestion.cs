using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>The host answers a question in text, or marks it answered (answered out loud on stream); viewers see it live.</summary>
public static class AnswerQuestion
{
    /// <param name="WithText">True answers in <paramref name="Text"/>; false marks the question answered without text.</param>
    public sealed record Command(Guid SessionId, Guid QuestionId, string? Text, bool WithText, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache, TimeProvider clock)
    {
        public async Task<HubResult<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (_, question, error) = await QuestionAccess.LoadAsync(db, command.Caller, command.SessionId, command.QuestionId,
                QuestionAccess.Duty.Host, cancellationToken);
            if (error is not null) return HubResult<QuestionView>.Failure(error);

            var by = command.Caller.UserId()!.Value;
            var now = clock.GetUtcNow();
            var answered = command.WithText ? question!.AnswerWith(command.Text, by, now) : question!.MarkAnswered(by, now);
            if (!answered.IsSuccess) return HubResult<QuestionView>.Failure(answered.Error!);
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(command.SessionId);

            // Answering a pending question also approves it (Question.MarkAnswered), so this may be its first appearance for viewers.
            var view = await QuestionViews.OneAsync(db, state, question, cancellationToken);
            await QuestionBroadcast.ChangedAsync(hub, view);
            return HubResult<QuestionView>.Success(view);
        }
    }
}

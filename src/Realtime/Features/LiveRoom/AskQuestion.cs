using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>A signed-in candidate asks a question; it is stored, then broadcast to the room.</summary>
public static class AskQuestion
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, string? Text);

    /// <summary>Default slow mode: a person may ask this many questions per window in one session.</summary>
    public const int QuestionsPerWindow = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public sealed class Handler(LiveHireDbContext db, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock)
       
    {
        public async Task<HubResult<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is not { } userId)
                return HubResult<QuestionView>.Failure("auth.required", "Sign in to ask a question.");
            if (!command.Caller.IsInRole(Roles.Candidate))
                return HubResult<QuestionView>.Failure(Error.Forbidden("Only candidates ask questions."));

            var session = await db.LiveSessions.FindAsync([command.SessionId], cancellationToken);
            if (session is null)
                return HubResult<QuestionView>.Failure(Error.NotFound("Session"));

            var asked = Question.Ask(session, userId, command.Text, clock.GetUtcNow());
            if (!asked.IsSuccess)
                return HubResult<QuestionView>.Failure(asked.Error!);

            if (!await state.TryAcquireAsync($"ask:{session.Id:N}:{userId:N}", QuestionsPerWindow, Window, cancellationToken))
                return HubResult<QuestionView>.Failure("rate_limited", $"Slow mode: at most {QuestionsPerWindow} questions every {Window.TotalSeconds:0} seconds.");

            var question = asked.Value!;
            db.Questions.Add(question);
            await db.SaveChangesAsync(cancellationToken);

            var view = new QuestionView(question.Id, session.Id, command.Caller.DisplayNameOf(), question.Text, question.CreatedAt, 0, null);
            await hub.Clients.Group(LiveGroups.Session(session.Id)).QuestionAsked(view);
            return HubResult<QuestionView>.Success(view);
        }
    }
}

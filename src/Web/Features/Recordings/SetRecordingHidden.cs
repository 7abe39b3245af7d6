using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Recordings;

/// <summary>The host (a recruiter of the session's employer) hides a recording from everyone else, or shows it again.</summary>
public static class SetRecordingHidden
{
    public sealed record Request(bool Hidden);

    public sealed record Command(Guid SessionId, bool Hidden, ClaimsPrincipal Caller) : ICommand<Result>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = await db.LiveSessions.Where(s => s.Id == command.SessionId).Select(s => (Guid?)s.EmployerId)
                .SingleOrDefaultAsync(cancellationToken);
            if (employerId is null) return Error.NotFound("Session");
            if (!command.Caller.IsRecruiterOf(employerId.Value)) return Error.Forbidden("Only the session's hosts can hide or show its recording.");
            var recording = await db.Recordings.SingleOrDefaultAsync(r => r.SessionId == command.SessionId, cancellationToken);
            if (recording is null) return Error.NotFound("Recording");
            var changed = recording.SetHidden(command.Hidden, clock.GetUtcNow());
            if (!changed.IsSuccess) return changed;
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/sessions/{sessionId:guid}/recording/hidden",
                async Task<Results<NoContent, ProblemHttpResult>> (Guid sessionId, Request request, ClaimsPrincipal user, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(sessionId, request.Hidden, user), ct);
                    return result.IsSuccess ? TypedResults.NoContent() : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("SetRecordingHidden")
            .WithSummary("Hide a session's recording from everyone but its hosts, or show it again (the session's hosts).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

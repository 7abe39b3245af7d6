using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Applications;

/// <summary>
/// The applications that came from one live session, newest first, for its hosts: the studio shows them on load and
/// after a reconnect, then adds each new one as the ApplicationReceived event brings it.
/// </summary>
public static class ListSessionApplications
{
    public sealed record Query(Guid SessionId, ClaimsPrincipal Caller) : IQuery<Result<IReadOnlyList<ReceivedApplication>>>;

    /// <summary>Same shape as the hub's ApplicationView, so the studio draws both alike.</summary>
    public sealed record ReceivedApplication(Guid ApplicationId, Guid SessionId, Guid JobId, string JobTitle, string CandidateName, bool HasResume,
        DateTimeOffset SubmittedAt);

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<ReceivedApplication>>>
    {
        public async ValueTask<Result<IReadOnlyList<ReceivedApplication>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = await db.LiveSessions.Where(s => s.Id == query.SessionId).Select(s => (Guid?)s.EmployerId).SingleOrDefaultAsync(cancellationToken);
            if (employerId is null) return Error.NotFound("Session");
            if (!query.Caller.IsRecruiterOf(employerId.Value)) return Error.Forbidden("Only the session's hosts see its applications.");
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.SessionId == query.SessionId && a.Job!.EmployerId == employerId)
                .Select(a => new ReceivedApplication(a.Id, query.SessionId, a.JobId, a.Job!.Title, a.Candidate!.DisplayName, a.ResumeId != null, a.CreatedAt))
                .ToListAsync(cancellationToken);
            return rows.OrderByDescending(a => a.SubmittedAt).Take(500).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}/applications",
                async Task<Results<Ok<IReadOnlyList<ReceivedApplication>>, ProblemHttpResult>> (Guid sessionId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Query(sessionId, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ListSessionApplications")
            .WithSummary("Applications that came from a live session (its hosts).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

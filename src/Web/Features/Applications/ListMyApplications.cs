using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Applications;

/// <summary>The signed-in candidate's applications, newest first (the room marks those jobs "已投递").</summary>
public static class ListMyApplications
{
    public sealed record Query(Guid CandidateId) : IQuery<IReadOnlyList<ApplicationSummary>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, IReadOnlyList<ApplicationSummary>>
    {
        public async ValueTask<IReadOnlyList<ApplicationSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.CandidateId == query.CandidateId)
                .Select(a => new ApplicationSummary(a.Id, a.JobId, a.Job!.Title, a.ResumeId, a.SessionId, a.Status.ToString(), a.CreatedAt, a.StatusReason))
                .ToListAsync(cancellationToken);
            return rows.OrderByDescending(a => a.SubmittedAt).ToList(); // SQLite cannot order by DateTimeOffset
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/applications/mine", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(user.UserId()!.Value), ct)))
            .RequireAuthorization(Policies.Candidate)
            .WithName("ListMyApplications")
            .WithSummary("My applications (candidates).");
}

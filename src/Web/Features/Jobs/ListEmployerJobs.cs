using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Jobs;

/// <summary>All jobs of an employer, open ones first, for that employer's recruiters (the studio's lineup picker).</summary>
public static class ListEmployerJobs
{
    public sealed record Query(Guid EmployerId) : IQuery<IReadOnlyList<JobView>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, IReadOnlyList<JobView>>
    {
        public async ValueTask<IReadOnlyList<JobView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == query.EmployerId).ToListAsync(cancellationToken);
            return jobs.OrderBy(j => j.Status).ThenByDescending(j => j.CreatedAt).Select(JobView.From).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/employers/{employerId:guid}/jobs",
                async Task<Results<Ok<IReadOnlyList<JobView>>, ProblemHttpResult>> (Guid employerId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                    user.IsRecruiterOf(employerId)
                        ? TypedResults.Ok(await mediator.Send(new Query(employerId), ct))
                        : (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters manage its jobs.").ToProblem())
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ListEmployerJobs")
            .WithSummary("An employer's jobs (its recruiters).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

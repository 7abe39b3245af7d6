using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Recommendations;

/// <summary>
/// An organizer recommends a job to a candidate in person (the guidance of 一次指导、三次推荐); the reasons are worked out
/// as for the system's, and it appears in the candidate's 为你推荐. The same job again within the repeat window is refused.
/// </summary>
public static class RecommendJob
{
    public sealed record Request(Guid CandidateId, Guid JobId);

    public sealed record Command(Request Request, Guid OrganizerId) : ICommand<Result<ListRecommendations.Row>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<Command, Result<ListRecommendations.Row>>
    {
        public async ValueTask<Result<ListRecommendations.Row>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (r, now) = (command.Request, clock.GetUtcNow());
            var candidate = await (from u in db.Users
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join role in db.Roles on ur.RoleId equals role.Id
                                   where u.Id == r.CandidateId && role.Name == Roles.Candidate
                                   select u.Id).AnyAsync(cancellationToken);
            if (!candidate) return Error.NotFound("Candidate");
            var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == r.JobId, cancellationToken);
            if (job is null) return Error.NotFound("Job");
            if (job.Status != JobStatus.Open) return Error.Conflict("job.not_open", "This job no longer takes applications.");
            var since = now - Recommendation.RepeatWindow;
            if (await db.Recommendations.AnyAsync(x => x.CandidateId == r.CandidateId && x.JobId == r.JobId && x.MadeAt > since, cancellationToken))
                return Error.Conflict("recommendation.repeat", "This job was recommended to this person within the last 7 days.");

            var home = (await db.CandidateHomes.AsNoTracking().SingleOrDefaultAsync(h => h.UserId == r.CandidateId, cancellationToken))?.ToPlace() ?? Place.Nowhere;
            var profile = await db.CandidateProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == r.CandidateId, cancellationToken);
            var seeker = Seeker.From(home, profile);
            var recommendation = Recommendation.Make(r.CandidateId, JobMatching.Score(seeker, job), seeker, command.OrganizerId, now);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync(cancellationToken);
            return (await mediator.Send(new ListRecommendations.Query(new(null, null, null, null), recommendation.Id), cancellationToken)).Single();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/recommendations", async Task<Results<Created<ListRecommendations.Row>, ProblemHttpResult>> (Request request, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(request, user.UserId()!.Value), ct);
                return result.IsSuccess ? TypedResults.Created($"/api/v1/recommendations/{result.Value!.Id}", result.Value) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Organizer)
            .WithName("RecommendJob")
            .WithSummary("Recommend a job to a candidate (organizers); 409 if the same job was recommended to them in the last 7 days.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

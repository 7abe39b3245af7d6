using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Hiring;

/// <summary>One application as the employer's hiring board shows it.</summary>
public sealed record BoardCard(Guid Id, Guid JobId, string JobTitle, string CandidateName, bool HasResume, string Status, string? Reason,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, int Notes)
{
    public static IQueryable<BoardCard> Project(IQueryable<JobApplication> applications, LiveHireDbContext db) =>
        applications.Select(a => new BoardCard(a.Id, a.JobId, a.Job!.Title, a.Candidate!.DisplayName, a.ResumeId != null, a.Status.ToString(),
            a.StatusReason, a.CreatedAt, a.UpdatedAt, db.ApplicationNotes.Count(n => n.ApplicationId == a.Id)));

    public static Task<BoardCard> LoadAsync(LiveHireDbContext db, Guid applicationId, CancellationToken ct) =>
        Project(db.Applications.AsNoTracking().Where(a => a.Id == applicationId), db).SingleAsync(ct);
}

/// <summary>The hiring board: an employer's applications, for one job or across all, by status and a name or title search.</summary>
public static class ListBoard
{
    public const int Limit = 500;

    public sealed record Filter(Guid? JobId, string? Status, string? Q);

    public sealed record Query(Guid EmployerId, Filter Filter) : IQuery<IReadOnlyList<BoardCard>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, IReadOnlyList<BoardCard>>
    {
        public async ValueTask<IReadOnlyList<BoardCard>> Handle(Query query, CancellationToken cancellationToken)
        {
            var f = query.Filter;
            var applications = db.Applications.AsNoTracking().Where(a => a.Job!.EmployerId == query.EmployerId);
            if (f.JobId is { } jobId) applications = applications.Where(a => a.JobId == jobId);
            if (NamedFilters.ReadOne<ApplicationStatus>(f.Status) is { } status) applications = applications.Where(a => a.Status == status);
            if (f.Q?.Trim() is { Length: > 0 } q) applications = applications.Where(a => a.Candidate!.DisplayName.Contains(q) || a.Job!.Title.Contains(q));
            var cards = await BoardCard.Project(applications.OrderByDescending(a => a.UpdatedAt).Take(Limit), db).ToListAsync(cancellationToken);
            return cards;
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/employers/{employerId:guid}/applications",
                async Task<Results<Ok<IReadOnlyList<BoardCard>>, ValidationProblem, ProblemHttpResult>> (Guid employerId, [AsParameters] Filter filter,
                    ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    if (!user.IsRecruiterOf(employerId)) return (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters see its applications.").ToProblem();
                    if (NamedFilters.Refused<ApplicationStatus>("status", filter.Status, one: true) is { } refused) return refused;
                    return TypedResults.Ok(await mediator.Send(new Query(employerId, filter), ct));
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ListBoard")
            .WithSummary("The hiring board: an employer's applications, newest change first (its recruiters). Filters: jobId, status, q.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

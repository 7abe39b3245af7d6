using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Recommendations;

/// <summary>
/// Organizers see who has been recommended what (一次指导、三次推荐): newest first, filtered by the candidate's district and
/// group as they were when it was made, and by Beijing date; each row says whether the candidate has applied since.
/// </summary>
public static class ListRecommendations
{
    public const int Limit = 200;

    /// <param name="Group">One group name (Graduates, Mothers, Older, Disabled, Veterans, MigrantWorkers).</param>
    /// <param name="From">First Beijing date, inclusive.</param>
    /// <param name="To">Last Beijing date, inclusive.</param>
    public sealed record Filter(string? District, string? Group, DateOnly? From, DateOnly? To);

    /// <param name="Id">Just this one (to answer the organizer who made it).</param>
    public sealed record Query(Filter Filter, Guid? Id = null) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, Guid CandidateId, string CandidateName, string CandidateDistrict, IReadOnlyList<string> CandidateGroups,
        Guid JobId, string JobTitle, string EmployerName, IReadOnlyList<MatchReason> Reasons, DateTimeOffset MadeAt, string? MadeBy, bool Applied);

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var f = query.Filter;
            var rows = db.Recommendations.AsNoTracking();
            if (query.Id is { } id) rows = rows.Where(r => r.Id == id);
            if (f.District?.Trim() is { Length: > 0 } district) rows = rows.Where(r => r.CandidateDistrict == district);
            if (NamedFilters.ReadOne<SuitableGroups>(f.Group) is { } group) rows = rows.Where(r => (r.CandidateGroups & group) == group);
            if (f.From is { } from) { var start = BeijingTime.FromLocal(from.ToDateTime(TimeOnly.MinValue)); rows = rows.Where(r => r.MadeAt >= start); }
            if (f.To is { } to) { var end = BeijingTime.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); rows = rows.Where(r => r.MadeAt < end); }
            var found = await rows.OrderByDescending(r => r.MadeAt).Take(Limit).Select(r => new
            {
                r.Id, r.CandidateId,
                CandidateName = db.Users.Where(u => u.Id == r.CandidateId).Select(u => u.DisplayName).FirstOrDefault(),
                r.CandidateDistrict, r.CandidateGroups, r.JobId, r.Job!.Title, EmployerName = r.Job.Employer!.Name, r.Reasons, r.MadeAt,
                MadeBy = db.Users.Where(u => u.Id == r.MadeById).Select(u => u.DisplayName).FirstOrDefault(),
                Applied = db.Applications.Any(a => a.JobId == r.JobId && a.CandidateId == r.CandidateId),
            }).ToListAsync(cancellationToken);
            return found.Select(r => new Row(r.Id, r.CandidateId, r.CandidateName ?? "", r.CandidateDistrict, Jobs.JobView.FlagNames(r.CandidateGroups),
                r.JobId, r.Title, r.EmployerName, r.Reasons, r.MadeAt, r.MadeBy, r.Applied)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/recommendations", async Task<Results<Ok<IReadOnlyList<Row>>, ValidationProblem>> ([AsParameters] Filter filter, IMediator mediator,
                CancellationToken ct) =>
            {
                if (NamedFilters.Refused<SuitableGroups>("group", filter.Group, one: true) is { } refused) return refused;
                return TypedResults.Ok(await mediator.Send(new Query(filter), ct));
            })
            .RequireAuthorization(Policies.Organizer)
            .WithName("ListRecommendations")
            .WithSummary($"Who has been recommended which job, why, by whom (null: the system) and whether they applied (organizers); newest {Limit}.")
            .ProducesValidationProblem();
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Jobs;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Search;

/// <summary>
/// 家门口 search over open jobs: filters and keywords in the database, ordered there by nearness and an approximate
/// distance, and the page's window re-ranked exactly by <see cref="NearHome.Rank{T}"/> (ADR 0007).
/// </summary>
public static class SearchJobs
{
    public const int PageSize = 20;

    /// <summary>
    /// The deepest page a search goes (1,000 jobs): each page re-reads everything before it, and nobody pages further on a
    /// phone; a narrower search (a keyword, a type) finds the rest.
    /// </summary>
    public const int MaxPage = 50;

    /// <param name="Types">Job type names, comma-separated (FullTime, PartTime, Gig, Piecework, HomeBased).</param>
    /// <param name="MinPay">At least this much at the top of the range, in <paramref name="PayUnit"/> (Month by default), compared per month.</param>
    /// <param name="Groups">Group names the job must suit, comma-separated (Graduates, Mothers, Older, Disabled, Veterans, MigrantWorkers).</param>
    public sealed record Filter(string? Q, string? Types, decimal? MinPay, string? PayUnit, string? Groups, int Page = 1);

    public sealed record Query(Filter Filter, Place Home) : IQuery<SearchResult>;

    public sealed record SearchResult(Place Home, IReadOnlyList<JobHit> Jobs, int Page, bool HasMore);

    public sealed record JobHit(Guid Id, string Title, string EmployerName, decimal PayMin, decimal PayMax, string PayUnit, string Hours, string Type,
        string District, string Street, string Community, double? DistanceKm, string Nearness, bool Verified, IReadOnlyList<string> Groups,
        IReadOnlyList<string> Benefits);

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, SearchResult>
    {
        public async ValueTask<SearchResult> Handle(Query query, CancellationToken cancellationToken)
        {
            var (f, home) = (query.Filter, query.Home);
            var page = Math.Clamp(f.Page, 1, MaxPage);
            var jobs = Filtered(db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Open), f);
            // One row more than the page tells whether there is a next page; the exact re-rank only reorders inside a tier
            // and between near-equal distances, so a margin of rows keeps the page's edge exact.
            // Ids first, so the sort carries keys and ids only; whole rows are read for the window alone.
            var ids = await PreOrdered(jobs, home).Take(page * PageSize + 40).Select(j => j.Id).ToListAsync(cancellationToken);
            var window = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id))
                .Select(j => new { Job = j, EmployerName = j.Employer!.Name }).ToListAsync(cancellationToken);
            var ranked = NearHome.Rank(home, window, r => r.Job.Location, r => r.Job.CreatedAt);
            var hits = ranked.Skip((page - 1) * PageSize).Take(PageSize).Select(r =>
            {
                var j = r.Item.Job;
                return new JobHit(j.Id, j.Title, r.Item.EmployerName, j.PayMin, j.PayMax, j.PayUnit.ToString(), j.Hours, j.Type.ToString(),
                    j.Location.District, j.Location.Street, j.Location.Community, r.DistanceKm is { } d ? Math.Round(d, 2) : null, r.Nearness.ToString(),
                    j.VerifiedAt is not null, JobView.FlagNames(j.Groups), JobView.FlagNames(j.Benefits));
            }).ToList();
            return new SearchResult(home, hits, page, page < MaxPage && ranked.Count > page * PageSize);
        }

        private static IQueryable<Job> Filtered(IQueryable<Job> jobs, Filter f)
        {
            foreach (var keyword in SearchText.Keywords(f.Q))
            {
                var pattern = $"%{keyword}%"; // folded text has no % or _ left to escape
                jobs = jobs.Where(j => EF.Functions.Like(j.SearchText, pattern));
            }
            var types = NamedFilters.Read<JobType>(f.Types);
            if (types.Count > 0) jobs = jobs.Where(j => types.Contains(j.Type));
            var groups = NamedFilters.Read<SuitableGroups>(f.Groups).Aggregate(SuitableGroups.None, (all, g) => all | g);
            if (groups != SuitableGroups.None) jobs = jobs.Where(j => (j.Groups & groups) == groups);
            if (f.MinPay is { } min and > 0)
            {
                var unit = NamedFilters.ReadOne<PayUnit>(f.PayUnit) ?? PayUnit.Month;
                if (Pay.PerMonth(min, unit) is { } monthly) jobs = jobs.Where(j => j.MonthlyPayMax >= monthly);
                else jobs = jobs.Where(j => j.PayUnit == PayUnit.Piece && j.PayMax >= min); // piece rates compare only with piece rates
            }
            return jobs;
        }

        /// <summary>Nearness tier as in <see cref="NearHome.NearnessOf"/>, then points before none, then dLat² + (dLon·cos φ)².</summary>
        private static IQueryable<Job> PreOrdered(IQueryable<Job> jobs, Place home)
        {
            var (district, street, community) = (home.District, home.Street, home.Community);
            var ordered = district.Length == 0
                ? jobs.OrderBy(j => 0)
                : jobs.OrderBy(j => j.Location.District != district ? 3
                    : street.Length == 0 || j.Location.Street != street ? 2
                    : community.Length == 0 || j.Location.Community != community ? 1 : 0);
            if (!home.HasPoint) return ordered.ThenByDescending(j => j.CreatedAt);
            var (lat, lon, k) = (home.Latitude!.Value, home.Longitude!.Value, NearHome.LongitudeScale(home));
            return ordered.ThenBy(j => j.Location.Latitude == null ? 1 : 0)
                .ThenBy(j => (j.Location.Latitude!.Value - lat) * (j.Location.Latitude!.Value - lat)
                    + (j.Location.Longitude!.Value - lon) * k * ((j.Location.Longitude!.Value - lon) * k))
                .ThenByDescending(j => j.CreatedAt);
        }
    }

    /// <summary>The place to rank from: the one given in the request, else a signed-in candidate's saved home, else nowhere.</summary>
    public static async Task<Place> HomeOfAsync(LiveHireDbContext db, ClaimsPrincipal user, Place? given, CancellationToken ct)
    {
        if (given is { } g && (g.District.Length > 0 || g.HasPoint)) return g;
        if (!user.IsInRole(Roles.Candidate) || user.UserId() is not { } id) return Place.Nowhere;
        var home = await db.CandidateHomes.AsNoTracking().SingleOrDefaultAsync(h => h.UserId == id, ct);
        return home?.ToPlace() ?? Place.Nowhere;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/jobs/search", async Task<Results<Ok<SearchResult>, ValidationProblem>> ([AsParameters] Filter filter, string? district,
                string? street, string? community, double? latitude, double? longitude, ClaimsPrincipal user, LiveHireDbContext db,
                IMediator mediator, CancellationToken ct) =>
            {
                if (Mistakes(filter, latitude, longitude) is { Count: > 0 } mistakes)
                    return NamedFilters.Problem(mistakes);
                var given = new Place(district?.Trim() ?? "", street?.Trim() ?? "", community?.Trim() ?? "", latitude, longitude);
                var home = await HomeOfAsync(db, user, given, ct);
                return TypedResults.Ok(await mediator.Send(new Query(filter, home), ct));
            })
            .AllowAnonymous()
            .WithName("SearchJobs")
            .WithSummary("Open jobs near home (anyone): same community, street, district first, then by distance; filters and keywords.")
            .ProducesValidationProblem();

    /// <summary>
    /// What the API turns away rather than quietly ignores: a type, group or pay unit that is not one (which would have searched
    /// without that filter), a page below 1 or beyond <see cref="MaxPage"/> (which would have answered with page 50 again), and a
    /// map point that is half given or off the globe (which would have ranked without it). The /jobs page builds its query from
    /// its own choices and stays forgiving.
    /// </summary>
    private static Dictionary<string, string[]> Mistakes(Filter filter, double? latitude, double? longitude)
    {
        var mistakes = new Dictionary<string, string[]>();
        NamedFilters.Check<JobType>(mistakes, "types", filter.Types);
        NamedFilters.Check<SuitableGroups>(mistakes, "groups", filter.Groups);
        NamedFilters.Check<PayUnit>(mistakes, "payUnit", filter.PayUnit, one: true);
        if (filter.Page is < 1 or > MaxPage) mistakes["page"] = [$"Pages go from 1 to {MaxPage}; search with a keyword or a filter to find more."];
        if (latitude is null != longitude is null) mistakes[latitude is null ? "latitude" : "longitude"] = ["A map point needs both latitude and longitude."];
        if (latitude is < -90 or > 90) mistakes["latitude"] = ["Latitude is between -90 and 90."];
        if (longitude is < -180 or > 180) mistakes["longitude"] = ["Longitude is between -180 and 180."];
        return mistakes;
    }
}

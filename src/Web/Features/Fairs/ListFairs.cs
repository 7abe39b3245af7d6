using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>Upcoming fairs, soonest first, filtered by district, target group, industry and local date. Anyone may read.</summary>
public static class ListFairs
{
    public sealed record Query(string? District = null, TargetGroup? Group = null, string? Industry = null, DateOnly? From = null,
        DateOnly? To = null, int Take = 50) : IQuery<IReadOnlyList<FairListItem>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<FairListItem>>
    {
        private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById(Fair.DefaultTimeZone);

        public async ValueTask<IReadOnlyList<FairListItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var fairs = db.Fairs.AsNoTracking().Where(f => f.Status == FairStatus.Scheduled && f.EndsAt > now);
            // Dates are the candidate's calendar days, which on this platform are Beijing days.
            if (query.From is { } from) { var t = Recurrence.ToInstant(from.ToDateTime(TimeOnly.MinValue), Beijing); fairs = fairs.Where(f => f.EndsAt > t); }
            if (query.To is { } to) { var t = Recurrence.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Beijing); fairs = fairs.Where(f => f.StartsAt < t); }
            if (!string.IsNullOrWhiteSpace(query.District))
            {
                var district = query.District.Trim();
                fairs = fairs.Where(f => f.District == district || (f.Series != null && f.Series.Districts.Contains(district)));
            }
            if (query.Group is { } group) fairs = fairs.Where(f => f.Series != null && f.Series.TargetGroups.Contains(group));
            if (!string.IsNullOrWhiteSpace(query.Industry))
            {
                var industry = query.Industry.Trim();
                fairs = fairs.Where(f => f.Series != null && f.Series.Industries.Contains(industry));
            }
            return await fairs.OrderBy(f => f.StartsAt).Take(Math.Clamp(query.Take, 1, 200))
                .Select(f => new FairListItem(f.Id, f.SeriesId, f.Title, f.District, f.StartsAt, f.EndsAt, f.TimeZoneId,
                    f.Series == null ? new List<TargetGroup>() : f.Series.TargetGroups, f.Series == null ? new List<string>() : f.Series.Industries))
                .ToListAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/fairs", async Task<Results<Ok<IReadOnlyList<FairListItem>>, ValidationProblem>> (string? district, string? group, string? industry,
                DateOnly? from, DateOnly? to, int? take, IMediator mediator, CancellationToken ct) =>
            {
                // The group by its name only (see NamedFilters): bound as an enum, group=Graduates,LaidOffWorkers listed StayAtHomeMothers' fairs.
                if (NamedFilters.Refused<TargetGroup>("group", group, one: true) is { } refused) return refused;
                return TypedResults.Ok(await mediator.Send(new Query(district, NamedFilters.ReadOne<TargetGroup>(group), industry, from, to, take ?? 50), ct));
            })
            .AllowAnonymous()
            .WithName("ListFairs")
            .WithSummary($"Upcoming fairs, soonest first; filter by district, group ({string.Join(", ", Enum.GetNames<TargetGroup>())}), industry, from/to date (anyone).")
            .ProducesValidationProblem();
}

public sealed record FairListItem(Guid Id, Guid? SeriesId, string Title, string District, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZoneId, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<string> Industries);

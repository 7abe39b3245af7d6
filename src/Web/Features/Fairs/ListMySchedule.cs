using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>"My schedule": the fairs and sessions a candidate registered for that are not over, soonest first (candidates, their own).</summary>
public static class ListMySchedule
{
    public sealed record Query(Guid CandidateId) : IQuery<IReadOnlyList<ScheduleItem>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<ScheduleItem>>
    {
        public async ValueTask<IReadOnlyList<ScheduleItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var items = await db.FairRegistrations.AsNoTracking()
                .Where(r => r.CandidateId == query.CandidateId && (r.Session != null ? r.Session.ScheduledEnd : r.Fair!.EndsAt) > now)
                .Select(r => new ScheduleItem(r.FairId, r.SessionId, r.Session != null ? r.Session.Title : r.Fair!.Title, r.Fair!.Title,
                    r.Session != null ? r.Session.ScheduledStart : r.Fair.StartsAt, r.Session != null ? r.Session.ScheduledEnd : r.Fair.EndsAt,
                    r.Fair.TimeZoneId, r.Fair.Status == FairStatus.Cancelled || (r.Session != null && r.Session.Status == LiveSessionStatus.Cancelled),
                    r.SessionId != null ? $"/api/v1/fairs/{r.FairId}/calendar.ics?sessionId={r.SessionId}" : $"/api/v1/fairs/{r.FairId}/calendar.ics", r.Id))
                .ToListAsync(cancellationToken);
            return [.. items.OrderBy(i => i.StartsAt)];
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/schedule", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.UserId() is { } id ? Results.Ok(await mediator.Send(new Query(id), ct)) : Results.Unauthorized())
            .RequireAuthorization(Policies.Candidate)
            .WithName("ListMySchedule")
            .WithSummary("The fairs and sessions I registered for that are not over, soonest first (candidates).");
}

/// <summary>One line of "my schedule"; <paramref name="Cancelled"/> stays visible so the person knows not to go.</summary>
public sealed record ScheduleItem(Guid FairId, Guid? SessionId, string Title, string FairTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZoneId, bool Cancelled, string CalendarUrl, Guid RegistrationId);

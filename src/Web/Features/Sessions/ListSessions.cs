using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Sessions;

/// <summary>Upcoming and live sessions, soonest first, optionally for one employer. Anyone may read.</summary>
public static class ListSessions
{
    public sealed record Query(Guid? EmployerId = null, int Take = 50) : IQuery<IReadOnlyList<SessionSummary>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<SessionSummary>>
    {
        public async ValueTask<IReadOnlyList<SessionSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var sessions = db.LiveSessions.AsNoTracking()
                .Where(s => s.Status == LiveSessionStatus.Live || (s.Status == LiveSessionStatus.Scheduled && s.ScheduledEnd > now));
            if (query.EmployerId is { } employerId)
                sessions = sessions.Where(s => s.EmployerId == employerId);
            return await sessions
                .OrderBy(s => s.ScheduledStart)
                .Take(Math.Clamp(query.Take, 1, 200))
                .Select(s => new SessionSummary(s.Id, s.Title, s.EmployerId, s.Employer!.Name, s.FairId, s.Status.ToString(), s.ScheduledStart, s.ScheduledEnd))
                .ToListAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions", async (Guid? employerId, int? take, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(employerId, take ?? 50), ct)))
            .AllowAnonymous()
            .WithName("ListSessions")
            .WithSummary("Upcoming and live sessions, soonest first (anyone).");
}

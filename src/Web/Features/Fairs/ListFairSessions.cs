using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>The sessions of some fairs that one can still register for (scheduled or live), for the /fairs page.</summary>
public static class ListFairSessions
{
    public sealed record Query(IReadOnlyList<Guid> FairIds) : IQuery<ILookup<Guid, FairSessionItem>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : IQueryHandler<Query, ILookup<Guid, FairSessionItem>>
    {
        public async ValueTask<ILookup<Guid, FairSessionItem>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var ids = query.FairIds.ToList();
            var sessions = await db.LiveSessions.AsNoTracking()
                .Where(s => s.FairId != null && ids.Contains(s.FairId.Value) && s.ScheduledEnd > now
                    && (s.Status == LiveSessionStatus.Scheduled || s.Status == LiveSessionStatus.Live))
                .Select(s => new FairSessionItem(s.Id, s.FairId!.Value, s.Title, s.Employer!.Name, s.ScheduledStart, s.ScheduledEnd, s.Status == LiveSessionStatus.Live))
                .ToListAsync(cancellationToken);
            return sessions.OrderBy(s => s.StartsAt).ToLookup(s => s.FairId);
        }
    }
}

public sealed record FairSessionItem(Guid Id, Guid FairId, string Title, string Employer, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Live);

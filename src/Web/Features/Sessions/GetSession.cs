using LiveHire.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Sessions;

/// <summary>One session by id, or null. Anyone may read.</summary>
public static class GetSession
{
    public sealed record Query(Guid SessionId) : IQuery<SessionSummary?>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, SessionSummary?>
    {
        public async ValueTask<SessionSummary?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.LiveSessions.AsNoTracking()
                .Where(s => s.Id == query.SessionId)
                .Select(s => new SessionSummary(s.Id, s.Title, s.EmployerId, s.Employer!.Name, s.FairId, s.Status.ToString(), s.ScheduledStart, s.ScheduledEnd))
                .SingleOrDefaultAsync(cancellationToken);
    }
}

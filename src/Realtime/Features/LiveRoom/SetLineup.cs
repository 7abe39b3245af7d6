using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>The host replaces the session's lineup (带岗 order) with open jobs of its employer; the room sees it at once.</summary>
public static class SetLineup
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, IReadOnlyList<Guid>? JobIds);

    public sealed class Handler(LiveHireDbContext db, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache)
    {
        public async Task<HubResult<ShowcaseView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await ShowcaseHosts.LoadForHostAsync(db, command.Caller, command.SessionId, cancellationToken);
            if (!loaded.IsSuccess) return HubResult<ShowcaseView>.Failure(loaded.Error!);
            var session = loaded.Value!;

            // A missing list is a client bug, not a wish to clear the lineup: that takes an explicit empty list.
            if (command.JobIds is null)
                return HubResult<ShowcaseView>.Failure(Error.Validation("lineup.missing", "Send the lineup as a list of job ids ([] for none)."));
            Guid[] jobIds = [.. command.JobIds];
            var jobs = await db.Jobs.AsNoTracking()
                .Where(j => jobIds.Contains(j.Id))
                .Select(j => new { j.Id, j.EmployerId, j.Status })
                .ToListAsync(cancellationToken);
            // Another employer's job reads as unknown: the host learns nothing about other employers' vacancies.
            var unknown = jobIds.Where(id => !jobs.Exists(j => j.Id == id && j.EmployerId == session.EmployerId)).ToList();
            if (unknown.Count > 0)
                return HubResult<ShowcaseView>.Failure(Error.Validation("lineup.unknown_job", $"Job {unknown[0]} is not one of this employer's jobs."));
            if (jobs.Find(j => j.Status != JobStatus.Open) is { } closed)
                return HubResult<ShowcaseView>.Failure(Error.Validation("lineup.job_not_open", $"Job {closed.Id} is not open for applications."));

            var set = session.SetLineup(jobIds);
            if (!set.IsSuccess) return HubResult<ShowcaseView>.Failure(set.Error!);
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(session.Id);

            var view = await ShowcaseViews.LoadAsync(db, session.Id, session.CurrentJobId, cancellationToken);
            await hub.Clients.Group(LiveGroups.Session(session.Id)).ShowcaseChanged(view);
            return HubResult<ShowcaseView>.Success(view);
        }
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>The host shows one lineup job to the room as the current job card, or none between jobs.</summary>
public static class PresentJob
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, Guid? JobId);

    public sealed class Handler(LiveHireDbContext db, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache)
    {
        public async Task<HubResult<ShowcaseView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await ShowcaseHosts.LoadForHostAsync(db, command.Caller, command.SessionId, cancellationToken);
            if (!loaded.IsSuccess) return HubResult<ShowcaseView>.Failure(loaded.Error!);
            var session = loaded.Value!;

            // A job closed since it joined the lineup must not be put in front of viewers who would then apply in vain.
            if (command.JobId is { } jobId && await db.Jobs.AnyAsync(j => j.Id == jobId && j.Status != JobStatus.Open, cancellationToken))
                return HubResult<ShowcaseView>.Failure(Error.Validation("lineup.job_not_open", "This job is not open for applications."));

            var presented = session.Present(command.JobId);
            if (!presented.IsSuccess) return HubResult<ShowcaseView>.Failure(presented.Error!);
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(session.Id);

            var view = await ShowcaseViews.LoadAsync(db, session.Id, session.CurrentJobId, cancellationToken);
            await hub.Clients.Group(LiveGroups.Session(session.Id)).ShowcaseChanged(view);
            return HubResult<ShowcaseView>.Success(view);
        }
    }
}

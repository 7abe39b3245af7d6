using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;
using LiveHire.Realtime.Hubs;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// The host ends the session: its video is finished (the recording closed with ENDLIST and its archive requested)
/// and viewers see "ended". In Distributed mode the ingest may run on another node, which notices within seconds.
/// </summary>
public static class EndSession
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, RoomCache cache, VideoIngest ingest, VideoStateReporter reporter, TimeProvider clock)
    {
        public async Task<HubResult<VideoStateView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var changed = await HostSessionChange.ApplyAsync(db, cache, command.Caller, command.SessionId, s => s.End(clock.GetUtcNow()), cancellationToken);
            if (changed is not null) return HubResult<VideoStateView>.Failure(changed);

            // The recording must be complete even if the host's connection drops right now.
            await ingest.EndAsync(command.SessionId, CancellationToken.None);
            return HubResult<VideoStateView>.Success(await reporter.ReportAsync(command.SessionId, VideoState.Ended, CancellationToken.None));
        }
    }
}

using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Viewer counts reach the room at most once per <see cref="Interval"/>: when hundreds arrive at the start of a
/// session, one message a second replaces one message per arrival to everyone. The count is read from live state at
/// send time (global across Realtime nodes); the peak is the highest this node has seen.
/// </summary>
public sealed class PresenceBroadcaster(ILiveState state, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock, ILogger<PresenceBroadcaster> logger)
    : RoomBroadcaster<PresenceBroadcaster.Pending>(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public sealed record Pending(long Peak);

    public void Changed(Guid sessionId, PresenceChange change) => Mark(sessionId, earlier => Merge(earlier, change));

    /// <summary>Arrivals and departures since the last send collapse into one entry that keeps the highest peak seen.</summary>
    public static Pending Merge(Pending? earlier, PresenceChange change) => new(Math.Max(earlier?.Peak ?? 0, change.Peak));

    protected override async Task SendAsync(Guid sessionId, Pending pending, CancellationToken cancellationToken)
    {
        var viewers = await state.CountViewersAsync(sessionId, cancellationToken);
        await hub.Clients.Group(LiveGroups.Session(sessionId)).PresenceChanged(new PresenceView(sessionId, viewers, Math.Max(pending.Peak, viewers)));
    }
}

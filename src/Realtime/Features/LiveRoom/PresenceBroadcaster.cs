using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Viewer counts reach the room at most once per <see cref="Interval"/>: when hundreds arrive at the start of a
/// session, one message a second replaces one message per arrival to everyone. A big room gets them less often
/// (<see cref="SpacingFor"/>): every message goes to every viewer, so a crowd of 19,000 arriving over a minute would
/// otherwise cost each node 19,000 messages a second for a number nobody reads that precisely. The count is read from
/// live state at send time (global across Realtime nodes); the peak is the highest this node has seen.
/// </summary>
public sealed class PresenceBroadcaster(ILiveState state, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock, ILogger<PresenceBroadcaster> logger)
    : RoomBroadcaster<PresenceBroadcaster.Pending>(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Viewers one presence message a second may reach; a bigger room is spaced out in proportion.</summary>
    public const int ViewersPerSecond = 2_000;

    /// <summary>The longest a big room waits for a new count while people arrive or leave.</summary>
    public static readonly TimeSpan LongestSpacing = TimeSpan.FromSeconds(10);

    /// <param name="Peak">The highest count seen since the last send.</param>
    /// <param name="Viewers">The latest count seen (it sets the spacing; the count sent is read afresh).</param>
    public sealed record Pending(long Peak, long Viewers);

    // When each room last got a count from this node; only the broadcast loop touches it.
    private readonly Dictionary<Guid, long> lastSent = [];

    public void Changed(Guid sessionId, PresenceChange change) => Mark(sessionId, earlier => Merge(earlier, change));

    /// <summary>Arrivals and departures since the last send collapse into one entry that keeps the highest peak seen.</summary>
    public static Pending Merge(Pending? earlier, PresenceChange change) => new(Math.Max(earlier?.Peak ?? 0, change.Peak), change.Viewers);

    /// <summary>
    /// How long a room of <paramref name="viewers"/> waits between counts: <see cref="Interval"/> up to
    /// <see cref="ViewersPerSecond"/> viewers, then one more second per that many, at most <see cref="LongestSpacing"/>.
    /// So presence costs a node about <see cref="ViewersPerSecond"/> messages a second per room, however big.
    /// </summary>
    public static TimeSpan SpacingFor(long viewers) =>
        TimeSpan.FromSeconds(Math.Clamp(viewers / (double)ViewersPerSecond, Interval.TotalSeconds, LongestSpacing.TotalSeconds));

    protected override async Task SendAsync(Guid sessionId, Pending pending, CancellationToken cancellationToken)
    {
        var now = Clock.GetTimestamp();
        if (lastSent.TryGetValue(sessionId, out var at) && Clock.GetElapsedTime(at, now) < SpacingFor(pending.Viewers))
        {
            // Too soon for a room this big: back into the batch (with whatever arrived meanwhile) for a later pass.
            Mark(sessionId, newer => newer is null ? pending : new Pending(Math.Max(pending.Peak, newer.Peak), newer.Viewers));
            return;
        }
        lastSent[sessionId] = now;
        foreach (var (room, sent) in lastSent)
            if (Clock.GetElapsedTime(sent, now) > LongestSpacing) lastSent.Remove(room);
        var viewers = await state.CountViewersAsync(sessionId, cancellationToken);
        await hub.Clients.Group(LiveGroups.Session(sessionId)).PresenceChanged(new PresenceView(sessionId, viewers, Math.Max(pending.Peak, viewers)));
    }
}

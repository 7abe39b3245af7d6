using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Turns a vote storm into a few messages: a vote only marks its question as changed, and at most every
/// <see cref="Interval"/> one <c>VotesChanged</c> per session carries the current counts of the marked questions.
/// Counts are read from live state at send time, so on several Realtime nodes each node's batch is globally right.
/// </summary>
public sealed class VoteBroadcaster(ILiveState state, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock, ILogger<VoteBroadcaster> logger)
    : RoomBroadcaster<HashSet<Guid>>(Interval, clock, logger)
{
    /// <summary>At most four batches a second per session (per node): well within the one-second promise.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Marks a question's count as changed; the next batch sends it.</summary>
    public void Changed(Guid sessionId, Guid questionId) => Mark(sessionId, questions =>
    {
        questions ??= [];
        questions.Add(questionId);
        return questions;
    });

    protected override async Task SendAsync(Guid sessionId, HashSet<Guid> questions, CancellationToken cancellationToken)
    {
        var counts = await state.GetVoteCountsAsync(sessionId, cancellationToken);
        var votes = questions.ToDictionary(q => q, q => counts.GetValueOrDefault(q));
        await hub.Clients.Group(LiveGroups.Session(sessionId)).VotesChanged(new VotesView(sessionId, votes));
    }
}

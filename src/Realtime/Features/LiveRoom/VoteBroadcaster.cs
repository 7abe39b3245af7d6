using System.Threading.Channels;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Turns a vote storm into a few messages: votes only mark their question as changed, and at most every
/// <see cref="Interval"/> one <c>VotesChanged</c> per session carries the current counts of the marked questions.
/// Counts are read from live state at send time, so on several Realtime nodes each node's batch is globally right.
/// Idle rooms cost nothing: the loop sleeps until a vote arrives.
/// </summary>
public sealed class VoteBroadcaster(ILiveState state, IHubContext<LiveHub, ILiveClient> hub, TimeProvider clock, ILogger<VoteBroadcaster> logger)
    : BackgroundService
{
    /// <summary>At most four batches a second per session (per node): well within the one-second promise.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly VoteBatch batch = new();
    // Capacity one: a signal already waiting says everything a second one would.
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Marks a question's count as changed; the next batch sends it.</summary>
    public void Changed(Guid sessionId, Guid questionId)
    {
        batch.Add(sessionId, questionId);
        wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await wake.Reader.WaitToReadAsync(stoppingToken))
        {
            wake.Reader.TryRead(out _);
            foreach (var (sessionId, questions) in batch.TakeAll())
                await SendAsync(sessionId, questions, stoppingToken);
            // Votes arriving during this pause wait for the next batch: this is what bounds the message rate.
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    private async Task SendAsync(Guid sessionId, IReadOnlyCollection<Guid> questions, CancellationToken ct)
    {
        try
        {
            var counts = await state.GetVoteCountsAsync(sessionId, ct);
            var votes = questions.ToDictionary(q => q, q => counts.GetValueOrDefault(q));
            await hub.Clients.Group(LiveGroups.Session(sessionId)).VotesChanged(new VotesView(sessionId, votes));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One room's failed batch (state store or backplane unreachable) must not stop batches for every other room;
            // its viewers catch up with the next vote or their next snapshot.
            logger.LogWarning(ex, "Sending vote counts of session {SessionId} failed", sessionId);
        }
    }
}

/// <summary>Which questions of which sessions changed since the last take. Holds one entry per changed question, never one per vote.</summary>
public sealed class VoteBatch
{
    private readonly Lock gate = new();
    private Dictionary<Guid, HashSet<Guid>> pending = [];

    public void Add(Guid sessionId, Guid questionId)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(sessionId, out var questions))
                pending[sessionId] = questions = [];
            questions.Add(questionId);
        }
    }

    /// <summary>Everything changed so far, by session; the batch is empty afterwards.</summary>
    public IReadOnlyDictionary<Guid, HashSet<Guid>> TakeAll()
    {
        lock (gate)
        {
            var taken = pending;
            pending = [];
            return taken;
        }
    }
}

using System.Threading.Channels;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Turns frequent changes of a room (votes, viewers arriving) into at most one message per room per
/// <see cref="interval"/>: a change only updates the room's pending entry, and the loop sends each pending room
/// once per interval. Without it a room of N viewers arriving costs N²/2 messages. Idle rooms cost nothing: the loop
/// sleeps until something changes.
/// </summary>
public abstract class RoomBroadcaster<TPending>(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
    where TPending : class
{
    /// <summary>The clock the loop paces itself by; subclasses that keep time use the same one.</summary>
    protected TimeProvider Clock { get; } = clock;
    private readonly RoomBatch<TPending> batch = new();
    // Capacity one: a signal already waiting says everything a second one would.
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Updates the room's pending entry (under a lock); the next batch sends it.</summary>
    protected void Mark(Guid sessionId, Func<TPending?, TPending> merge)
    {
        batch.Update(sessionId, merge);
        wake.Writer.TryWrite(true);
    }

    protected abstract Task SendAsync(Guid sessionId, TPending pending, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await wake.Reader.WaitToReadAsync(stoppingToken))
        {
            wake.Reader.TryRead(out _);
            foreach (var (sessionId, pending) in batch.TakeAll())
            {
                try
                {
                    await SendAsync(sessionId, pending, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One room's failed batch (state store or backplane unreachable) must not stop every other room's;
                    // its viewers catch up with the next change or their next snapshot.
                    logger.LogWarning(ex, "{Broadcaster} could not send to session {SessionId}", GetType().Name, sessionId);
                }
            }
            // Changes arriving during this pause wait for the next batch: this is what bounds the message rate.
            await Task.Delay(interval, Clock, stoppingToken);
        }
    }
}

/// <summary>What changed in which rooms since the last take: one entry per room, however many changes.</summary>
public sealed class RoomBatch<T> where T : class
{
    private readonly Lock gate = new();
    private Dictionary<Guid, T> pending = [];

    public void Update(Guid sessionId, Func<T?, T> merge)
    {
        lock (gate) pending[sessionId] = merge(pending.GetValueOrDefault(sessionId));
    }

    /// <summary>Everything pending, by room; the batch is empty afterwards.</summary>
    public IReadOnlyDictionary<Guid, T> TakeAll()
    {
        lock (gate)
        {
            var taken = pending;
            pending = [];
            return taken;
        }
    }
}

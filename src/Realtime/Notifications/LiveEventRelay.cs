using System.Text.Json;
using LiveHire.Core.Adapters;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveHire.Realtime.Notifications;

/// <summary>
/// Distributed mode: reads live events that Web and Workers appended to the Redis stream and delivers them. All
/// Realtime nodes read as one consumer group, so each event is delivered by exactly one node (the backplane then
/// reaches clients on every node). Events a crashed node had read but not acknowledged are claimed after a while.
/// </summary>
public sealed class LiveEventRelay(IConnectionMultiplexer redis, HubLiveNotifier notifier, IOptions<LiveHireOptions> options,
    ILogger<LiveEventRelay> logger) : BackgroundService
{
    // StackExchange.Redis multiplexes one connection and cannot block on XREADGROUP, so the relay polls: 50 ms adds
    // at most that much to the 1-2 s a person waits for anything live anyway.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ClaimAfter = TimeSpan.FromSeconds(30);
    // Events read (and sent together) at a time: a reminder batch's 500 pushes go out in a few reads.
    private const int ReadCount = 250;
    private readonly string consumer = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var key = LiveEventStream.Key(options.Value.RedisPrefix);
        var db = redis.GetDatabase();
        await EnsureGroupAsync(db, key);
        var lastClaim = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var entries = await db.StreamReadGroupAsync(key, LiveEventStream.ConsumerGroup, consumer, ">", count: ReadCount);
                if (DateTime.UtcNow - lastClaim > ClaimAfter)
                {
                    lastClaim = DateTime.UtcNow;
                    var claimed = await db.StreamAutoClaimAsync(key, LiveEventStream.ConsumerGroup, consumer,
                        (long)ClaimAfter.TotalMilliseconds, "0-0", ReadCount);
                    entries = [.. entries, .. claimed.ClaimedEntries];
                }
                if (entries.Length > 0) await DeliverAsync(db, key, entries, stoppingToken);
                else await Task.Delay(IdlePoll, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Redis or the backplane unreachable (or timing out): what was not acknowledged is read again later.
                logger.LogWarning(ex, "Reading or relaying live events failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Sends a read's events all at once (each send is a backplane publish, issued in stream order),
    /// then acknowledges with one XACK those that went out. An event whose send failed stays pending and is claimed again
    /// after <see cref="ClaimAfter"/>; the failure then goes to the retry loop.
    /// </summary>
    private async Task DeliverAsync(IDatabase db, RedisKey key, StreamEntry[] entries, CancellationToken ct)
    {
        var sends = entries.Select(entry => (entry.Id, Send: SendAsync(entry, ct))).ToList();
        var delivered = new List<RedisValue>(sends.Count);
        Exception? failure = null;
        foreach (var (id, send) in sends)
        {
            try
            {
                await send;
                delivered.Add(id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure ??= ex;
            }
        }
        if (delivered.Count > 0) await db.StreamAcknowledgeAsync(key, LiveEventStream.ConsumerGroup, [.. delivered]);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private async Task SendAsync(StreamEntry entry, CancellationToken ct)
    {
        LiveEvent? liveEvent;
        try
        {
            var json = entry[LiveEventStream.Field];
            liveEvent = json.IsNullOrEmpty ? null : LiveEventStream.Deserialize(json!);
        }
        catch (JsonException)
        {
            liveEvent = null;
        }
        if (liveEvent is null)
        {
            // Acknowledged with the rest: read again, it would be just as unreadable.
            logger.LogError("Dropping unreadable live event {Id}", entry.Id);
            return;
        }
        try
        {
            await notifier.PublishAsync(liveEvent, ct);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // A kind this node cannot deliver (a newer Web or Workers wrote it): retrying would not help either.
            logger.LogError(ex, "Dropping live event {Id} of a kind this node does not deliver", entry.Id);
        }
    }

    private static async Task EnsureGroupAsync(IDatabase db, RedisKey key)
    {
        try
        {
            // "$": a new group starts with events appended from now on; older ones were for clients long gone.
            await db.StreamCreateConsumerGroupAsync(key, LiveEventStream.ConsumerGroup, "$", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another node (or an earlier run) created it.
        }
    }
}

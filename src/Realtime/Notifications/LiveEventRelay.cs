using LiveHire.Core.Adapters;
using LiveHire.Core.Options;
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
                var entries = await db.StreamReadGroupAsync(key, LiveEventStream.ConsumerGroup, consumer, ">", count: 100);
                if (DateTime.UtcNow - lastClaim > ClaimAfter)
                {
                    lastClaim = DateTime.UtcNow;
                    var claimed = await db.StreamAutoClaimAsync(key, LiveEventStream.ConsumerGroup, consumer,
                        (long)ClaimAfter.TotalMilliseconds, "0-0", 100);
                    entries = [.. entries, .. claimed.ClaimedEntries];
                }
                foreach (var entry in entries) await DeliverAsync(db, key, entry, stoppingToken);
                if (entries.Length == 0) await Task.Delay(IdlePoll, stoppingToken);
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Reading live events from Redis failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(IDatabase db, RedisKey key, StreamEntry entry, CancellationToken ct)
    {
        var json = entry[LiveEventStream.Field];
        var liveEvent = json.IsNullOrEmpty ? null : LiveEventStream.Deserialize(json!);
        if (liveEvent is null)
            logger.LogError("Dropping unreadable live event {Id}", entry.Id);
        else
            await notifier.PublishAsync(liveEvent, ct);
        await db.StreamAcknowledgeAsync(key, LiveEventStream.ConsumerGroup, entry.Id);
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

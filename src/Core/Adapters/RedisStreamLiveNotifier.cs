using System.Text.Json;
using LiveHire.Core.Ports;
using StackExchange.Redis;

namespace LiveHire.Core.Adapters;

/// <summary>Distributed mode: appends live events to a Redis stream that Realtime's relay consumes.</summary>
internal sealed class RedisStreamLiveNotifier(IConnectionMultiplexer redis, string keyPrefix) : ILiveNotifier
{
    public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().StreamAddAsync(LiveEventStream.Key(keyPrefix), LiveEventStream.Field, JsonSerializer.Serialize(liveEvent),
            maxLength: LiveEventStream.MaxLength, useApproximateMaxLength: true);
}

/// <summary>The Redis stream that carries live events from Web and Workers to the Realtime nodes (Distributed mode).</summary>
public static class LiveEventStream
{
    public const string Field = "event";
    public const string ConsumerGroup = "realtime";
    /// <summary>Events older than the newest this many are trimmed: the stream is a hand-over, not an archive.</summary>
    public const int MaxLength = 10_000;

    public static RedisKey Key(string keyPrefix) => $"{keyPrefix}:live-events";

    public static LiveEvent? Deserialize(string json) => JsonSerializer.Deserialize<LiveEvent>(json);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LiveHire.Bench.Harness;

// The documented wire shapes (docs/realtime.md), declared here so the load generator speaks the protocol, not shared types.
public sealed record HubError(string Code, string Message);
public sealed record HubResult<T>(bool Ok, T? Value, HubError? Error);
public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer);
public sealed record PresenceView(Guid SessionId, long Viewers, long Peak);
public sealed record SessionRow(Guid Id, string Status);

/// <summary>
/// The question text the load generator sends: a realistic question plus the sender's monotonic timestamp, so a
/// receiver on the same machine (the same process) measures post-to-receipt latency without clock skew.
/// </summary>
public static class QuestionText
{
    private const string Marker = " #b";
    private const string Body = "请问包装工岗位有夜班吗？试用期多久，包吃住吗？";

    public static string Make() => $"{Body}{Marker}{Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Milliseconds since the question was sent, or null for a question not sent by this benchmark.</summary>
    public static double? AgeMs(string text)
    {
        var at = text.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 && long.TryParse(text.AsSpan(at + Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sent)
            ? Stopwatch.GetElapsedTime(sent).TotalMilliseconds
            : null;
    }
}

public static class Json
{
    // A figure that was not reached within its bound is NaN ("n/a" in the report), which plain JSON cannot hold.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString | System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

public sealed record VoteView(Guid QuestionId, bool Voted, long Votes);
public sealed record VotesView(Guid SessionId, IReadOnlyDictionary<Guid, long> Votes);

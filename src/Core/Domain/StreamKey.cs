using System.Security.Cryptography;
using System.Text;

namespace LiveHire.Core.Domain;

/// <summary>
/// The secret an OBS (RTMP) broadcaster publishes with, one per live session. Only its SHA-256 is stored: the host sees
/// the key once, when it is issued or rotated, and a leaked database cannot be used to take over a stream.
/// </summary>
public sealed class StreamKey
{
    /// <summary>Keys stay usable this long after the session's scheduled end, for overruns.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(2);
    public const string Prefix = "lh";
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int RandomChars = 32;

    public Guid SessionId { get; private set; }
    public string KeyHash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public Guid IssuedById { get; private set; }

    private StreamKey() { }

    /// <summary>A new key for <paramref name="session"/>; the plain key is returned once and never stored.</summary>
    public static Result<(StreamKey Key, string Plain)> Issue(LiveSession session, Guid issuedById, DateTimeOffset now)
    {
        var usable = CheckSession(session, now);
        if (!usable.IsSuccess) return usable.Error!;
        var plain = NewPlainKey();
        return (new StreamKey { SessionId = session.Id, KeyHash = Hash(plain), IssuedAt = now, IssuedById = issuedById }, plain);
    }

    /// <summary>Replaces the key: the old one stops working at once, including for a broadcaster already holding it.</summary>
    public Result<string> Rotate(LiveSession session, Guid issuedById, DateTimeOffset now)
    {
        var usable = CheckSession(session, now);
        if (!usable.IsSuccess) return usable.Error!;
        var plain = NewPlainKey();
        KeyHash = Hash(plain);
        IssuedAt = now;
        IssuedById = issuedById;
        return plain;
    }

    /// <summary>Whether a publish with this key may start now: the session must still be scheduled or live, within its time.</summary>
    public static Result CheckSession(LiveSession session, DateTimeOffset now)
    {
        if (session.Status is LiveSessionStatus.Ended or LiveSessionStatus.Cancelled)
            return Error.Conflict("stream_key.session_over", "This session has ended or was cancelled; its stream key no longer works.");
        if (now > session.ScheduledEnd + Grace)
            return Error.Conflict("stream_key.expired", "This session's time is over; its stream key has expired.");
        return Result.Success();
    }

    /// <summary>The stored form of a key. Keys carry 160 random bits, so a fast hash is enough: there is nothing to brute-force.</summary>
    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    /// <summary>A cheap shape check before any database read, so junk from the RTMP port costs nothing.</summary>
    public static bool LooksLikeKey(string? candidate) =>
        candidate is { Length: RandomChars + 3 } && candidate.StartsWith(Prefix + "_", StringComparison.Ordinal)
        && candidate.AsSpan(3).IndexOfAnyExcept(Alphabet) < 0;

    private static string NewPlainKey() => $"{Prefix}_{RandomNumberGenerator.GetString(Alphabet, RandomChars)}";
}

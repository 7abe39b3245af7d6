using System.Text.RegularExpressions;

namespace LiveHire.Realtime.Features.Video;

/// <summary>Where a session's video lives in blob storage, and which file names a viewer may ask for (ADR 0004).</summary>
public static partial class VideoFiles
{
    public const string LivePlaylist = "live.m3u8";
    public const string VodPlaylist = "vod.m3u8";

    public static string Key(Guid sessionId, string fileName) => $"video/{sessionId:N}/{fileName}";

    /// <summary>The URL viewers play: it names the session and the file, nothing else.</summary>
    public static string Url(Guid sessionId, string fileName) => $"/video/{sessionId:N}/{fileName}";

    public static bool IsPlaylist(string fileName) => fileName is LivePlaylist or VodPlaylist;

    public static bool IsServable(string fileName) => IsPlaylist(fileName) || SegmentName().IsMatch(fileName);

    public static bool TryParseSegment(string fileName, out int epoch, out int sequence)
    {
        var match = SegmentName().Match(fileName);
        epoch = match.Success ? int.Parse(match.Groups[1].ValueSpan) : 0;
        sequence = match.Success ? int.Parse(match.Groups[2].ValueSpan) : 0;
        return match.Success;
    }

    [GeneratedRegex(@"^([0-9]{3})-([0-9]{6})\.ts$")]
    private static partial Regex SegmentName();
}

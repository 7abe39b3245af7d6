using System.Globalization;
using System.Text;

namespace LiveHire.Realtime.Features.Video;

/// <summary>One finished segment of a session's timeline.</summary>
public sealed record SegmentEntry(int Epoch, int Sequence, double Duration)
{
    public string FileName => $"{Epoch:D3}-{Sequence:D6}.ts";
}

/// <summary>
/// Writes a session's playlists from its timeline (docs/adr/0004-video-path.md): LiveHire, not ffmpeg, numbers the
/// segments, so a new epoch continues the numbering and is joined with a discontinuity.
/// </summary>
public static class HlsPlaylist
{
    /// <summary>The last <paramref name="window"/> segments, for live viewers.</summary>
    public static string Live(IReadOnlyList<SegmentEntry> timeline, int window)
    {
        var start = Math.Max(0, timeline.Count - window);
        var discontinuitiesBefore = 0;
        for (var i = 1; i <= start && i < timeline.Count; i++)
            if (timeline[i].Epoch != timeline[i - 1].Epoch) discontinuitiesBefore++;
        var text = Header(timeline, start);
        text.Append("#EXT-X-DISCONTINUITY-SEQUENCE:").Append(discontinuitiesBefore).Append('\n');
        AppendSegments(text, timeline, start);
        return text.ToString();
    }

    /// <summary>Every segment since the first; <paramref name="ended"/> closes it for good.</summary>
    public static string Vod(IReadOnlyList<SegmentEntry> timeline, bool ended)
    {
        var text = Header(timeline, 0);
        text.Append("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        AppendSegments(text, timeline, 0);
        if (ended) text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    /// <summary>Reads back a timeline written by <see cref="Vod"/> (a node that takes over a session continues it).</summary>
    public static List<SegmentEntry> ParseVod(string playlist)
    {
        var timeline = new List<SegmentEntry>();
        double? duration = null;
        foreach (var line in playlist.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                duration = double.Parse(line[8..].TrimEnd(','), CultureInfo.InvariantCulture);
            else if (!line.StartsWith('#') && duration is { } d && VideoFiles.TryParseSegment(line, out var epoch, out var sequence))
            {
                timeline.Add(new SegmentEntry(epoch, sequence, d));
                duration = null;
            }
        }
        return timeline;
    }

    private static StringBuilder Header(IReadOnlyList<SegmentEntry> timeline, int mediaSequence)
    {
        // RFC 8216 4.3.3.1: each segment's duration rounded to the nearest integer must not exceed the target. Rounding
        // (not ceiling) keeps 1.0x s segments at a target of 1, and players sync that many targets behind the live edge.
        var target = timeline.Count == 0 ? 2 : (int)Math.Round(timeline.Max(s => s.Duration), MidpointRounding.AwayFromZero);
        return new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n")
            .Append("#EXT-X-TARGETDURATION:").Append(Math.Max(1, target)).Append('\n')
            .Append("#EXT-X-MEDIA-SEQUENCE:").Append(mediaSequence).Append('\n');
    }

    private static void AppendSegments(StringBuilder text, IReadOnlyList<SegmentEntry> timeline, int start)
    {
        for (var i = start; i < timeline.Count; i++)
        {
            if (i > start && timeline[i].Epoch != timeline[i - 1].Epoch) text.Append("#EXT-X-DISCONTINUITY\n");
            text.Append("#EXTINF:").Append(timeline[i].Duration.ToString("0.000", CultureInfo.InvariantCulture)).Append(",\n")
                .Append(timeline[i].FileName).Append('\n');
        }
    }
}

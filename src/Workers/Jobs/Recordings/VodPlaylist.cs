using System.Text.RegularExpressions;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// A session's <c>vod.m3u8</c> as the segment publisher writes it (docs/adr/0004-video-path.md): segment file names in
/// order, grouped into epochs at each <c>#EXT-X-DISCONTINUITY</c>, and whether the host has ended it.
/// </summary>
internal sealed partial record VodPlaylist(IReadOnlyList<IReadOnlyList<string>> Epochs, bool Ended)
{
    public static VodPlaylist? Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != "#EXTM3U") return null;
        var epochs = new List<List<string>> { new() };
        var ended = false;
        foreach (var line in lines)
        {
            if (line == "#EXT-X-DISCONTINUITY" && epochs[^1].Count > 0) epochs.Add([]);
            else if (line == "#EXT-X-ENDLIST") ended = true;
            else if (!line.StartsWith('#'))
            {
                // Only a bare segment name of this session's folder; anything else would read a blob outside it.
                if (!SegmentName().IsMatch(line)) return null;
                epochs[^1].Add(line);
            }
        }
        epochs.RemoveAll(e => e.Count == 0);
        return new VodPlaylist(epochs, ended);
    }

    [GeneratedRegex("^[0-9]{1,6}-[0-9]{1,9}\\.ts$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentName();
}

using System.Globalization;
using System.Text;

namespace LiveHire.Testing;

/// <summary>
/// A session's video as live ingest leaves it (docs/adr/0004-video-path.md): H.264 + AAC MPEG-TS segments of 1 s made
/// by real ffmpeg runs, one run per epoch (so each epoch restarts its timestamps, as a reconnecting broadcaster does),
/// named <c>{epoch:D3}-{sequence:D6}.ts</c>, and <c>vod.m3u8</c> listing them with <c>#EXT-X-DISCONTINUITY</c> between
/// epochs and, once ended, <c>#EXT-X-ENDLIST</c>.
/// </summary>
public sealed class SegmentTimeline
{
    public IReadOnlyList<(string Name, string Path, double Seconds, int Epoch)> Segments { get; private init; } = [];
    public double TotalSeconds => Segments.Sum(s => s.Seconds);

    /// <summary>Encodes <paramref name="epochSeconds"/>[i] seconds of test pattern and tone for epoch i into <paramref name="directory"/>.</summary>
    public static async Task<SegmentTimeline> CreateAsync(string directory, IReadOnlyList<int> epochSeconds, CancellationToken ct)
    {
        var segments = new List<(string, string, double, int)>();
        var sequence = 0;
        for (var epoch = 0; epoch < epochSeconds.Count; epoch++)
        {
            var folder = Path.Combine(directory, $"epoch{epoch}");
            Directory.CreateDirectory(folder);
            var result = await CommandRunner.RunAsync("ffmpeg",
                ["-hide_banner", "-loglevel", "error", "-y",
                 "-f", "lavfi", "-i", $"testsrc2=size=640x360:rate=25:duration={epochSeconds[epoch]}",
                 "-f", "lavfi", "-i", $"sine=frequency={440 + 110 * epoch}:sample_rate=48000:duration={epochSeconds[epoch]}",
                 "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
                 "-c:a", "aac", "-b:a", "64k",
                 "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_segment_filename", "s%03d.ts", "index.m3u8"],
                folder, TimeSpan.FromMinutes(2), ct);
            if (result.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {result.Output}");

            double? duration = null;
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(folder, "index.m3u8"), ct))
            {
                if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                    duration = double.Parse(line["#EXTINF:".Length..].TrimEnd(','), CultureInfo.InvariantCulture);
                else if (!line.StartsWith('#') && line.Length > 0)
                    segments.Add(($"{epoch:D3}-{sequence++:D6}.ts", Path.Combine(folder, line), duration!.Value, epoch));
            }
        }
        return new SegmentTimeline { Segments = segments };
    }

    public string VodPlaylist(bool ended)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n");
        for (var i = 0; i < Segments.Count; i++)
        {
            if (i > 0 && Segments[i].Epoch != Segments[i - 1].Epoch) text.Append("#EXT-X-DISCONTINUITY\n");
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{Segments[i].Seconds:0.000},\n{Segments[i].Name}\n");
        }
        if (ended) text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    /// <summary>Writes every segment and vod.m3u8 under <c>video/{sessionId:N}/</c> through <paramref name="put"/>(key, content, contentType).</summary>
    public async Task PublishAsync(Guid sessionId, Func<string, Stream, string, Task> put, bool ended = true)
    {
        foreach (var segment in Segments)
        {
            await using var file = File.OpenRead(segment.Path);
            await put($"video/{sessionId:N}/{segment.Name}", file, "video/mp2t");
        }
        await put($"video/{sessionId:N}/vod.m3u8", new MemoryStream(Encoding.UTF8.GetBytes(VodPlaylist(ended))), "application/vnd.apple.mpegurl");
    }

    /// <summary>The duration ffprobe reads from a media file, in seconds.</summary>
    public static async Task<double> ProbeSecondsAsync(string path, CancellationToken ct)
    {
        var result = await CommandRunner.RunAsync("ffprobe",
            ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", path],
            Path.GetDirectoryName(path)!, TimeSpan.FromMinutes(1), ct);
        if (result.ExitCode != 0) throw new InvalidOperationException($"ffprobe failed: {result.Output}");
        return double.Parse(result.Output.Trim(), CultureInfo.InvariantCulture);
    }
}

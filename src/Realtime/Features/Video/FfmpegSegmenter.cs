using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace LiveHire.Realtime.Features.Video;

/// <summary>A finished MPEG-TS segment on local disk, as ffmpeg's segment list reported it.</summary>
public sealed record SegmentFile(int Sequence, string Path, double Duration);

/// <summary>
/// One ffmpeg child process for one epoch of one session: the broadcaster's chunks go to its stdin, and it cuts H.264 +
/// AAC MPEG-TS segments into a work folder. Its segment list goes to stdout, one CSV line per finished segment, which
/// is how the publisher knows a segment is complete. H.264 input is copied; anything else is encoded with x264.
/// </summary>
public sealed class FfmpegSegmenter : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<SegmentFile> segments = Channel.CreateUnbounded<SegmentFile>();
    private readonly Task stdoutPump;
    private readonly Task stderrPump;
    private readonly Queue<string> lastErrors = new();
    private bool pulling;

    private FfmpegSegmenter(Process process, string folder)
    {
        this.process = process;
        stdoutPump = PumpSegmentListAsync(folder);
        stderrPump = PumpErrorsAsync();
    }

    public int ProcessId => process.Id;
    public ChannelReader<SegmentFile> Segments => segments.Reader;
    public bool HasExited => process.HasExited;
    /// <summary>True when ffmpeg reads the stream itself (RTMP) instead of taking chunks on stdin.</summary>
    public bool Pulling => pulling;

    /// <summary>ffmpeg's last error lines, for the log when it dies.</summary>
    public string LastErrors { get { lock (lastErrors) return string.Join(" | ", lastErrors); } }

    /// <param name="pullFrom">Null: the chunks come on stdin. Otherwise ffmpeg reads this stream itself (an accepted RTMP publish
    /// read back from nginx on loopback); stdin then only carries the 'q' that asks it to finish.</param>
    public static FfmpegSegmenter Start(string ffmpeg, string folder, bool copyVideo, int segmentSeconds, Uri? pullFrom = null)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in Arguments(folder, copyVideo, segmentSeconds, pullFrom)) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ffmpeg} did not start.");
        return new FfmpegSegmenter(process, folder) { pulling = pullFrom is not null };
    }

    internal static IEnumerable<string> Arguments(string folder, bool copyVideo, int segmentSeconds, Uri? pullFrom = null)
    {
        // A small probe: the container header names the codecs, and waiting for more data would add seconds of latency.
        // A pulled stream may take a moment to start (nginx holds the reader until the publisher's first frames), and a
        // publisher that vanishes must end this ffmpeg rather than hang it: hence the read timeout.
        string[] source = pullFrom is null ? ["-i", "pipe:0"] : ["-rw_timeout", "10000000", "-i", pullFrom.AbsoluteUri];
        string[] input = ["-hide_banner", "-loglevel", "error", "-fflags", "+genpts", "-probesize", "65536", "-analyzeduration", "1000000",
            .. source, "-map", "0:v:0", "-map", "0:a:0?"];
        string[] video = copyVideo
            ? ["-c:v", "copy"]
            // Only non-H.264 input (VP8/VP9) is encoded; forced keyframes let the segmenter cut on time.
            : ["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-force_key_frames", $"expr:gte(t,n_forced*{segmentSeconds})"];
        string[] output = ["-c:a", "aac", "-b:a", "96k", "-ac", "2",
            "-f", "segment", "-segment_time", segmentSeconds.ToString(CultureInfo.InvariantCulture), "-segment_format", "mpegts",
            "-segment_list", "pipe:1", "-segment_list_type", "csv", Path.Combine(folder, "%06d.ts")];
        return [.. input, .. video, .. output];
    }

    /// <summary>Feeds one chunk; false when ffmpeg is gone (its stdin is closed).</summary>
    public async Task<bool> WriteAsync(byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(chunk, cancellationToken);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false; // broken pipe: ffmpeg died; the caller starts a new epoch
        }
    }

    /// <summary>Closes stdin so ffmpeg finishes the last segment, then waits for it (killing it after <paramref name="grace"/>).</summary>
    public async Task FinishAsync(TimeSpan grace)
    {
        try
        {
            // A pulling ffmpeg reads commands from stdin: 'q' makes it close the last segment and exit.
            if (pulling) await process.StandardInput.WriteAsync("q");
            process.StandardInput.Close();
        }
        catch (IOException) { /* already gone */ }
        using var timeout = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { Kill(); }
        await stdoutPump;
    }

    public void Kill()
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* exited meanwhile */ }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        await Task.WhenAll(stdoutPump, stderrPump);
        process.Dispose();
    }

    private async Task PumpSegmentListAsync(string folder)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length < 3 || !int.TryParse(Path.GetFileNameWithoutExtension(parts[0]), out var sequence)) continue;
            var duration = double.Parse(parts[2], CultureInfo.InvariantCulture) - double.Parse(parts[1], CultureInfo.InvariantCulture);
            segments.Writer.TryWrite(new SegmentFile(sequence, Path.Combine(folder, parts[0]), Math.Max(0.001, duration)));
        }
        segments.Writer.TryComplete();
    }

    private async Task PumpErrorsAsync()
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
            lock (lastErrors)
            {
                lastErrors.Enqueue(line);
                if (lastErrors.Count > 5) lastErrors.Dequeue();
            }
    }
}

namespace LiveHire.Testing;

/// <summary>Debian's ffmpeg as a broadcaster and a probe in tests: a test pattern with a tone, H.264 + AAC like OBS sends.</summary>
public static class Ffmpeg
{
    public const string Executable = "/usr/bin/ffmpeg";
    public const string ProbeExecutable = "/usr/bin/ffprobe";

    /// <summary>Publishes <paramref name="seconds"/> of test pattern in real time to an RTMP URL; returns when ffmpeg exits.</summary>
    public static Task<CommandResult> PushRtmpAsync(string url, int seconds, TimeSpan timeout, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(Executable,
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "64k", "-f", "flv", url,
        ], Path.GetTempPath(), timeout, cancellationToken);

    /// <summary>The codecs of the streams at <paramref name="url"/>, e.g. "h264,aac", or the probe's error.</summary>
    public static Task<CommandResult> ProbeCodecsAsync(string url, TimeSpan timeout, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(ProbeExecutable,
            ["-v", "error", "-rw_timeout", "8000000", "-show_entries", "stream=codec_name", "-of", "csv=p=0", url],
            Path.GetTempPath(), timeout, cancellationToken);
}

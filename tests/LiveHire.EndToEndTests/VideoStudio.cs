using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

public sealed record EpochStarted(int Epoch);
public sealed record ChunkAccepted(int Epoch, long Sequence, bool Duplicate);
public sealed record ProblemBody(string? Title, int? Status, string? Code);

/// <summary>
/// What the video tests share: a fresh session of the food company (scheduled by the demo organizer, so a test may end
/// it), a test clip recorded by ffmpeg the way Chrome's MediaRecorder records (H.264 + Opus in Matroska, a keyframe
/// every second) cut into chunks, a broadcaster that POSTs them, and a look at the ffmpeg processes serving a session.
/// </summary>
public static class VideoStudio
{
    public const string H264Type = "video/webm;codecs=h264,opus";

    /// <summary>
    /// How long a page may take to show "ended" after the host ends the session. Ending finishes the video first (ffmpeg
    /// gets up to 3 s to write its last segment, which is then published and the recording closed: LiveVideo.EndAsync), so
    /// the host's reply and the viewers' VideoStateChanged come after that; with x264 encoding beside the rest of the
    /// suite on two cores it took more than Playwright's default 5 s once (CI, 2026-12-06).
    /// </summary>
    public static readonly Microsoft.Playwright.LocatorAssertionsToHaveTextOptions Ending = new() { Timeout = 15_000 };
    private static readonly SemaphoreSlim ClipLock = new(1, 1);
    private static byte[]? clip;

    /// <summary>A 4 s clip (320x240, 25 fps, a keyframe every 25 frames, a 440 Hz tone).</summary>
    public static async Task<byte[]> ClipAsync(CancellationToken ct)
    {
        await ClipLock.WaitAsync(ct);
        try
        {
            if (clip is not null) return clip;
            var folder = TestTempDirectory.Create("clip");
            var path = Path.Combine(folder, "clip.mkv");
            await RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "libopus", "-f", "matroska", path], ct);
            clip = await File.ReadAllBytesAsync(path, ct);
            TestTempDirectory.Delete(folder);
            return clip;
        }
        finally { ClipLock.Release(); }
    }

    /// <summary>The clip cut into <paramref name="count"/> pieces at arbitrary byte offsets, as MediaRecorder's timeslices are.</summary>
    public static IReadOnlyList<byte[]> Chunks(byte[] bytes, int count) =>
        [.. Enumerable.Range(0, count).Select(i => bytes[(bytes.Length * i / count)..(bytes.Length * (i + 1) / count)])];

    /// <summary>The demo organizer schedules a session of the food company, starting now.</summary>
    public static async Task<Guid> ScheduleSessionAsync(Uri baseUrl, CancellationToken ct)
    {
        using var organizer = await SignedInClient.SignInAsync(baseUrl, People.Organizer, People.Password, ct);
        var sessions = await organizer.Http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct);
        var food = sessions!.First(s => s.EmployerName == People.FoodEmployer).EmployerId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions")
        {
            Content = JsonContent.Create(new { employerId = food, title = "视频测试直播", start = DateTimeOffset.UtcNow, end = DateTimeOffset.UtcNow.AddHours(1) }),
        };
        request.Headers.Add("RequestVerificationToken", await organizer.AntiforgeryTokenAsync("/", ct));
        using var response = await organizer.Http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionRow>(ct))!.Id;
    }

    private sealed record SessionRow(Guid Id, Guid EmployerId, string EmployerName, string Status);

    public static async Task<HttpResponseMessage> StartEpochAsync(HttpClient http, Guid sessionId, CancellationToken ct, string type = H264Type) =>
        await http.PostAsync($"/ingest/{sessionId}/epochs?type={Uri.EscapeDataString(type)}", null, ct);

    public static async Task<HttpResponseMessage> PushAsync(HttpClient http, Guid sessionId, int epoch, long sequence, byte[] chunk, CancellationToken ct)
    {
        var content = new ByteArrayContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/webm");
        return await http.PostAsync($"/ingest/{sessionId}/{epoch}/{sequence}", content, ct);
    }

    public static async Task<int> StartEpochOkAsync(HttpClient http, Guid sessionId, CancellationToken ct)
    {
        using var response = await StartEpochAsync(http, sessionId, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EpochStarted>(ct))!.Epoch;
    }

    public static async Task PushAllAsync(HttpClient http, Guid sessionId, int epoch, IEnumerable<(long Sequence, byte[] Chunk)> chunks, CancellationToken ct)
    {
        foreach (var (sequence, chunk) in chunks)
        {
            using var response = await PushAsync(http, sessionId, epoch, sequence, chunk, ct);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Polls a playlist until <paramref name="done"/> holds for it.</summary>
    public static async Task<string> WaitForPlaylistAsync(HttpClient http, Guid sessionId, string file, Func<string, bool> done, CancellationToken ct,
        int seconds = 20)
    {
        var last = "";
        for (var stopwatch = Stopwatch.StartNew(); stopwatch.Elapsed < TimeSpan.FromSeconds(seconds); await Task.Delay(200, ct))
        {
            using var response = await http.GetAsync($"/video/{sessionId:N}/{file}", ct);
            if (!response.IsSuccessStatusCode) continue;
            last = await response.Content.ReadAsStringAsync(ct);
            if (done(last)) return last;
        }
        throw new TimeoutException($"{file} did not get there in {seconds} s; last:\n{last}");
    }

    public static string[] Segments(string playlist) => [.. playlist.Split('\n').Where(l => l.EndsWith(".ts", StringComparison.Ordinal))];

    /// <summary>The ffmpeg processes working for a session (their output folder names it).</summary>
    public static IReadOnlyList<int> FfmpegProcesses(Guid sessionId)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (commandLine.StartsWith("ffmpeg", StringComparison.Ordinal) || commandLine.Contains("/ffmpeg\0", StringComparison.Ordinal))
                    if (commandLine.Contains($"{sessionId:N}-", StringComparison.Ordinal)) pids.Add(pid);
            }
            catch (IOException) { /* the process ended meanwhile */ }
            catch (UnauthorizedAccessException) { /* not ours */ }
        }
        return pids;
    }

    /// <summary>Total playing time of downloaded segments, by ffprobe.</summary>
    public static async Task<double> DurationAsync(IEnumerable<byte[]> segments, CancellationToken ct)
    {
        var folder = TestTempDirectory.Create("segments");
        try
        {
            var path = Path.Combine(folder, "all.ts");
            await File.WriteAllBytesAsync(path, [.. segments.SelectMany(s => s)], ct);
            var output = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path], ct);
            return double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally { TestTempDirectory.Delete(folder); }
    }

    private static async Task<string> RunAsync(string file, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await errors}");
        return await output;
    }
}

using System.Globalization;
using Hangfire;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// Turns a session's segment timeline (<c>video/{sessionId:N}/vod.m3u8</c> and its segments) into one faststart MP4,
/// uploaded in staged blocks with fixed block numbers. Safe to run twice, and after a crash: the recording row is
/// claimed with a lease and a concurrency token, every block is re-staged under the same number and the same list is
/// committed. Failures are recorded on the row; <see cref="ArchivePendingRecordings"/> retries them.
/// </summary>
public sealed class ArchiveRecording(LiveHireDbContext db, IBlobStore blobs, TimeProvider clock, IOptions<RecordingOptions> options,
    ILogger<ArchiveRecording> logger)
{
    public const int BlockSize = 4 * 1024 * 1024;

    // The sweep is the retry policy (the row is the fact), so Hangfire must not retry on its own as well.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid recordingId, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.FindAsync([recordingId], cancellationToken);
        if (recording is null || !recording.StartArchiving(clock.GetUtcNow(), options.Value.ArchiveLease).IsSuccess)
            return; // done, deleted, or another worker holds it: a second run is harmless
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // another worker claimed it between our read and our write
        }

        // One folder per recording: whoever held it before us is gone (its lease ran out), so its leftovers are ours.
        var work = Path.Combine(Path.GetTempPath(), "livehire-archive", recordingId.ToString("N"));
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        try
        {
            var error = await ArchiveAsync(recording, work, cancellationToken);
            if (error is not null)
            {
                logger.LogWarning("Recording {RecordingId} of session {SessionId} not archived: {Reason}", recording.Id, recording.SessionId, error);
                recording.Fail(error, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DbUpdateConcurrencyException)
        {
            recording.Fail($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Null when the recording is now Ready, else the reason it could not be archived (expected, retried later).</summary>
    private async Task<string?> ArchiveAsync(Recording recording, string work, CancellationToken ct)
    {
        var folder = $"video/{recording.SessionId:N}";
        VodPlaylist? playlist;
        await using (var manifest = await blobs.OpenReadAsync($"{folder}/vod.m3u8", ct))
        {
            if (manifest is null) return "The session has no vod.m3u8.";
            using var reader = new StreamReader(manifest.Content);
            playlist = VodPlaylist.Parse(await reader.ReadToEndAsync(ct));
        }
        if (playlist is null) return "vod.m3u8 is not a playlist of this session's segments.";
        if (!playlist.Ended) return "vod.m3u8 has no #EXT-X-ENDLIST yet: the live video has not ended.";
        if (playlist.Epochs.Count == 0) return "vod.m3u8 lists no segments.";

        // MPEG-TS segments of one epoch join by plain concatenation (their timestamps continue); epochs restart their
        // timestamps, so ffmpeg's concat demuxer joins the epochs, shifting each to start where the previous ended.
        var list = new List<string>();
        for (var e = 0; e < playlist.Epochs.Count; e++)
        {
            var epochFile = $"epoch-{e:D3}.ts";
            await using (var output = File.Create(Path.Combine(work, epochFile)))
            {
                foreach (var segment in playlist.Epochs[e])
                {
                    await using var download = await blobs.OpenReadAsync($"{folder}/{segment}", ct);
                    if (download is null) return $"Segment {segment} is listed in vod.m3u8 but missing.";
                    await download.Content.CopyToAsync(output, ct);
                }
            }
            list.Add($"file '{epochFile}'");
        }
        await File.WriteAllLinesAsync(Path.Combine(work, "epochs.txt"), list, ct);

        var settings = options.Value;
        var remux = await MediaTool.RunAsync(settings.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", "epochs.txt",
             "-map", "0", "-c", "copy", "-avoid_negative_ts", "make_zero", "-movflags", "+faststart", "recording.mp4"], work, ct);
        if (remux.ExitCode != 0) return $"ffmpeg exited with {remux.ExitCode}: {remux.Errors}";

        var mp4 = Path.Combine(work, "recording.mp4");
        var probe = await MediaTool.RunAsync(settings.Ffprobe,
            ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", "recording.mp4"], work, ct);
        if (probe.ExitCode != 0 || !double.TryParse(probe.Output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            return $"ffprobe could not read the MP4's duration: {probe.Errors}";

        var key = Recording.Mp4KeyFor(recording.SessionId);
        var size = await UploadInBlocksAsync(key, mp4, ct);
        var ready = recording.MarkReady(key, TimeSpan.FromSeconds(seconds), size, clock.GetUtcNow());
        return ready.IsSuccess ? null : ready.Error!.Message;
    }

    private async Task<long> UploadInBlocksAsync(string key, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[BlockSize];
        var blocks = 0;
        while (true)
        {
            var filled = await file.ReadAtLeastAsync(buffer, BlockSize, throwOnEndOfStream: false, ct);
            if (filled == 0) break;
            await blobs.StageBlockAsync(key, blocks++, new MemoryStream(buffer, 0, filled, writable: false), ct);
            if (filled < BlockSize) break;
        }
        await blobs.CommitBlocksAsync(key, blocks, "video/mp4", ct);
        return file.Length;
    }
}

using System.Text;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.Extensions.Logging;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// One session's live video on this node: its segment timeline, the current epoch's chunk reorderer and ffmpeg, and
/// the publisher that uploads each finished segment and rewrites the playlists (docs/adr/0004-video-path.md).
/// </summary>
public sealed class LiveVideo(Guid sessionId, VideoOptions options, string ffmpegPath, string workRoot, IBlobStore blobs,
    VideoStateReporter reporter, TimeProvider clock, ILogger logger)
{
    public enum Push { Accepted, Duplicate, EpochOver }

    private static readonly TimeSpan FinishGrace = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim publishGate = new(1, 1);
    private List<SegmentEntry>? timeline;
    private int epoch;
    private ChunkReorderer? reorderer;
    private FfmpegSegmenter? ffmpeg;
    private Task publishing = Task.CompletedTask;
    private VideoState? reported;

    public Guid SessionId => sessionId;
    public DateTimeOffset LastChunkAt { get; private set; }
    public VideoState? Reported => reported;
    /// <summary>The running ffmpeg's process id (for operators and tests), or null between epochs.</summary>
    public int? FfmpegProcessId => ffmpeg?.ProcessId;
    /// <summary>True while this session's ffmpeg is running (an epoch is open and its process alive).</summary>
    public bool IsIngesting => ffmpeg is { HasExited: false };

    /// <summary>Starts the next epoch: the broadcaster (re)started its recorder, so ffmpeg gets a fresh stream.</summary>
    /// <param name="pullFrom">Null for a browser broadcast (chunks are pushed); otherwise the stream ffmpeg reads itself (RTMP).</param>
    public async Task<int> StartEpochAsync(bool copyVideo, CancellationToken cancellationToken, Uri? pullFrom = null)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await StopEpochAsync();
            timeline ??= await LoadTimelineAsync(cancellationToken);
            epoch = Math.Max(epoch, timeline.Count == 0 ? 0 : timeline[^1].Epoch) + 1;
            reorderer = new ChunkReorderer(options.ReorderWindow);
            var started = FfmpegSegmenter.Start(ffmpegPath, Path.Combine(workRoot, $"{sessionId:N}-{epoch:D3}"), copyVideo, options.SegmentSeconds, pullFrom);
            ffmpeg = started;
            var startedEpoch = epoch;
            publishing = Task.Run(() => PublishAsync(started, startedEpoch), CancellationToken.None);
            LastChunkAt = clock.GetUtcNow();
            return epoch;
        }
        finally { gate.Release(); }
    }

    public async Task<Push> PushAsync(int chunkEpoch, long sequence, byte[] chunk, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (chunkEpoch != epoch || ffmpeg is null || reorderer is null) return Push.EpochOver;
            var ready = new List<byte[]>();
            if (reorderer.Add(sequence, chunk, ready) == ChunkReorderer.Outcome.Duplicate) return Push.Duplicate;
            LastChunkAt = clock.GetUtcNow();
            foreach (var bytes in ready)
            {
                if (!ffmpeg.HasExited && await ffmpeg.WriteAsync(bytes, cancellationToken)) continue;
                // ffmpeg died: this epoch is over; the broadcaster restarts its recorder as the next one.
                logger.LogWarning("ffmpeg of session {SessionId} epoch {Epoch} died: {Errors}", sessionId, epoch, ffmpeg.LastErrors);
                await StopEpochAsync();
                return Push.EpochOver;
            }
            return Push.Accepted;
        }
        finally { gate.Release(); }
    }

    /// <summary>The host ended the session: the last segment is published and vod.m3u8 is closed with ENDLIST.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await StopEpochAsync();
            timeline ??= await LoadTimelineAsync(cancellationToken);
            await WritePlaylistsAsync(ended: true);
        }
        finally { gate.Release(); }
    }

    /// <summary>The broadcaster has been silent: viewers see "reconnecting" instead of a frozen picture.</summary>
    public async Task ReportSilenceAsync()
    {
        if (reported == VideoState.Live) await ReportAsync(VideoState.Reconnecting);
    }

    /// <summary>Host shutdown: no ffmpeg may outlive the process.</summary>
    public async Task KillAsync()
    {
        if (ffmpeg is { } running) await running.DisposeAsync();
        ffmpeg = null;
    }

    private async Task StopEpochAsync()
    {
        if (ffmpeg is not { } running) return;
        ffmpeg = null;
        reorderer = null;
        await running.FinishAsync(FinishGrace);
        await publishing;
        await running.DisposeAsync();
        TryDeleteFolder(Path.Combine(workRoot, $"{sessionId:N}-{epoch:D3}"));
    }

    private async Task PublishAsync(FfmpegSegmenter source, int segmentEpoch)
    {
        await foreach (var file in source.Segments.ReadAllAsync())
        {
            var entry = new SegmentEntry(segmentEpoch, file.Sequence, file.Duration);
            // A pulled stream has no chunks: each finished segment is the sign of life.
            if (source.Pulling) LastChunkAt = clock.GetUtcNow();
            try
            {
                await using (var stream = File.OpenRead(file.Path))
                    await blobs.PutAsync(VideoFiles.Key(sessionId, entry.FileName), stream, "video/mp2t");
                File.Delete(file.Path);
                await publishGate.WaitAsync();
                try
                {
                    timeline!.Add(entry);
                    await WritePlaylistsAsync(ended: false);
                }
                finally { publishGate.Release(); }
                if (reported != VideoState.Live && clock.GetUtcNow() - LastChunkAt < TimeSpan.FromSeconds(options.SilenceSeconds))
                    await ReportAsync(VideoState.Live);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or Azure.RequestFailedException)
            {
                // One lost segment is a glitch viewers skip over; the stream goes on.
                logger.LogWarning(e, "Segment {File} of session {SessionId} was not published", entry.FileName, sessionId);
            }
        }
    }

    private async Task WritePlaylistsAsync(bool ended)
    {
        await PutTextAsync(VideoFiles.LivePlaylist, HlsPlaylist.Live(timeline!, options.LiveWindowSegments));
        await PutTextAsync(VideoFiles.VodPlaylist, HlsPlaylist.Vod(timeline!, ended));
    }

    private async Task PutTextAsync(string fileName, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await blobs.PutAsync(VideoFiles.Key(sessionId, fileName), stream, "application/vnd.apple.mpegurl");
    }

    private async Task<List<SegmentEntry>> LoadTimelineAsync(CancellationToken cancellationToken)
    {
        // Another node (or this one before a restart) may have published part of the session already: continue it.
        await using var vod = await blobs.OpenReadAsync(VideoFiles.Key(sessionId, VideoFiles.VodPlaylist), cancellationToken);
        if (vod is null) return [];
        using var reader = new StreamReader(vod.Content);
        return HlsPlaylist.ParseVod(await reader.ReadToEndAsync(cancellationToken));
    }

    private async Task ReportAsync(VideoState state)
    {
        reported = state;
        await reporter.ReportAsync(sessionId, state);
    }

    private void TryDeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException e) { logger.LogDebug(e, "Work folder {Folder} stays", folder); }
    }
}

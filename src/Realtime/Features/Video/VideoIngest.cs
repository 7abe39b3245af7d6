using System.Collections.Concurrent;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// The live videos this node ingests: one <see cref="LiveVideo"/> (and one ffmpeg) per session. It holds each
/// session's ingest lease so no other node runs a second ffmpeg for it, tells viewers when a broadcaster goes silent,
/// finishes the video when the host ends the session, and kills every ffmpeg when the host shuts down.
/// </summary>
public sealed class VideoIngest(IOptions<VideoOptions> videoOptions, IOptions<LiveHireOptions> liveHireOptions, IBlobStore blobs,
    ILiveVideoState videoState, VideoStateReporter reporter, IServiceScopeFactory scopes, TimeProvider clock, ILogger<VideoIngest> logger)
    : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, LiveVideo> videos = new();
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly string? ffmpeg = videoOptions.Value.ResolveFfmpeg();

    public bool Available => ffmpeg is not null;

    /// <summary>The ffmpeg process ids running now (operators' view; tests check none outlive the host).</summary>
    public IReadOnlyList<int> FfmpegProcessIds => [.. videos.Values.Select(v => v.FfmpegProcessId).OfType<int>()];

    /// <summary>
    /// Starts the session's next epoch. A browser broadcast then pushes chunks (<see cref="PushAsync"/>); an accepted RTMP
    /// publish passes <paramref name="pullFrom"/>, and ffmpeg reads the stream back from nginx itself. When an RTMP publisher
    /// stops, its ffmpeg ends and viewers see "reconnecting" until it publishes again or the host ends the session.
    /// </summary>
    public async Task<Result<int>> StartEpochAsync(Guid sessionId, bool copyVideo, CancellationToken cancellationToken, Uri? pullFrom = null)
    {
        if (ffmpeg is null)
            return new Error("video.unavailable", "Live video needs ffmpeg on the server (sudo apt-get install ffmpeg).");
        if (!await videoState.TryHoldIngestAsync(sessionId, node, Lease, cancellationToken))
            return Error.Conflict("video.ingest_elsewhere", "Another node is taking this session's video.");
        var video = videos.GetOrAdd(sessionId, id => new LiveVideo(id, videoOptions.Value, ffmpeg, WorkRoot, blobs, reporter, clock, logger));
        return await video.StartEpochAsync(copyVideo, cancellationToken, pullFrom);
    }

    /// <summary>
    /// An RTMP publisher is still sending (nginx's periodic check): if this node's ffmpeg for the session has died, read the
    /// stream again as a new epoch, so viewers recover without anyone reloading.
    /// </summary>
    public async Task<Result<int>> KeepPullingAsync(Guid sessionId, Uri source, CancellationToken cancellationToken)
    {
        if (videos.TryGetValue(sessionId, out var video) && video.IsIngesting) return 0;
        logger.LogWarning("ffmpeg of session {SessionId} is not running while its RTMP publisher is: reading the stream again", sessionId);
        return await StartEpochAsync(sessionId, copyVideo: true, cancellationToken, source);
    }

    public async Task<Result<LiveVideo.Push>> PushAsync(Guid sessionId, int epoch, long sequence, byte[] chunk, CancellationToken cancellationToken)
    {
        if (!videos.TryGetValue(sessionId, out var video))
            return EpochOver();
        if (!await videoState.TryHoldIngestAsync(sessionId, node, Lease, cancellationToken))
            return Error.Conflict("video.ingest_elsewhere", "Another node is taking this session's video.");
        var pushed = await video.PushAsync(epoch, sequence, chunk, cancellationToken);
        return pushed == LiveVideo.Push.EpochOver ? EpochOver() : pushed;
    }

    /// <summary>The session ended: finish its video here if this node has it, close the recording and ask for its archive.</summary>
    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!videos.TryRemove(sessionId, out var video)) return;
        await video.EndAsync(cancellationToken);
        await videoState.ReleaseIngestAsync(sessionId, node, cancellationToken);
        using var scope = scopes.CreateScope();
        foreach (var archiver in scope.ServiceProvider.GetServices<IRecordingArchiver>())
            await archiver.RequestArchiveAsync(sessionId, cancellationToken);
    }

    private static Error EpochOver() =>
        Error.Conflict("video.epoch_over", "This recording has stopped on the server; start a new one.");

    private string WorkRoot => Path.Combine(Path.GetTempPath(), "livehire-video", liveHireOptions.Value.RedisPrefix);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        var silence = TimeSpan.FromSeconds(videoOptions.Value.SilenceSeconds);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var video in videos.Values)
            {
                if (clock.GetUtcNow() - video.LastChunkAt < silence)
                {
                    await videoState.TryHoldIngestAsync(video.SessionId, node, Lease, stoppingToken);
                    continue;
                }
                await video.ReportSilenceAsync();
                // In Distributed mode the host may have ended the session on another node: finish the video here.
                if (await HasEndedAsync(video.SessionId, stoppingToken)) await EndAsync(video.SessionId, stoppingToken);
            }
        }
    }

    private async Task<bool> HasEndedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        return await db.LiveSessions.AnyAsync(s => s.Id == sessionId && s.Status != LiveSessionStatus.Live, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var video in videos.Values) await video.KillAsync();
    }
}

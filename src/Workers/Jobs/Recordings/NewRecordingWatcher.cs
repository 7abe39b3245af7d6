using Hangfire;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// Starts archiving seconds after a session ends, and takes over from a dead worker seconds after its lease ends: every
/// <see cref="RecordingOptions.RecordingPollSeconds"/> it reads the recordings requested or being archived (usually
/// none) and enqueues an <see cref="ArchiveRecording"/> for each that may start now and that it has not enqueued yet.
/// The requester (Realtime) only writes the row and needs no job store (ADR 0006); the minutely
/// <see cref="ArchivePendingRecordings"/> sweep stays the retry policy for failures (with their back-off). Two job servers may both enqueue a recording: the archive's claim lets one run.
/// </summary>
public sealed partial class NewRecordingWatcher(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, IOptions<RecordingOptions> options, TimeProvider clock,
    ILogger<NewRecordingWatcher> logger) : DatabasePoller(scopes, clock)
{
    // What this process enqueued and when; forgotten after a while so a row that somehow stays Requested is offered again.
    private readonly Dictionary<(Guid Id, int Attempt), DateTimeOffset> enqueued = [];
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    protected override TimeSpan Interval => options.Value.Poll;

    protected override Task<int> PollAsync(LiveHireDbContext db, CancellationToken cancellationToken) => EnqueueNewAsync(db, cancellationToken);

    /// <summary>
    /// Enqueues an archive for each recording that is requested, or whose worker's lease ran out (it died), and that this
    /// process has not enqueued lately for the same attempt; returns how many.
    /// </summary>
    public async Task<int> EnqueueNewAsync(LiveHireDbContext db, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        // Few rows: requests wait here seconds, archives run minutes. The lease is compared here, as the sweep does.
        var waiting = await db.Recordings.AsNoTracking()
            .Where(r => r.State == RecordingState.Requested || r.State == RecordingState.Archiving)
            .Take(500)
            .ToListAsync(cancellationToken);

        foreach (var key in enqueued.Where(e => now - e.Value > Forget).Select(e => e.Key).ToList())
            enqueued.Remove(key);
        var count = 0;
        foreach (var recording in waiting.Where(r => r.CanStartArchiving(now)))
        {
            if (!enqueued.TryAdd((recording.Id, recording.Attempts), now)) continue;
            var id = recording.Id;
            jobs.Enqueue<ArchiveRecording>(j => j.RunAsync(id, CancellationToken.None));
            count++;
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for newly requested recordings failed; the minutely sweep will pick them up")]
    protected override partial void LogPollFailed(Exception exception);
}

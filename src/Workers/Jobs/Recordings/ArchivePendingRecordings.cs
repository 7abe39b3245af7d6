using Hangfire;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// The trigger for archiving: every minute, enqueues an <see cref="ArchiveRecording"/> for each recording that is
/// requested, failed (with back-off, up to <see cref="Recording.MaxAttempts"/>), or held by a worker whose lease ran
/// out (it died). The rows are the fact; enqueuing one twice is harmless.
/// </summary>
public sealed class ArchivePendingRecordings(LiveHireDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "archive-pending-recordings";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Recordings.AsNoTracking()
            .Where(r => r.State == RecordingState.Requested || r.State == RecordingState.Archiving
                        || (r.State == RecordingState.Failed && r.Attempts < Recording.MaxAttempts))
            .OrderBy(r => r.RequestedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(r => r.CanStartArchiving(now)).ToList();
        foreach (var recording in due)
            jobs.Enqueue<ArchiveRecording>(j => j.RunAsync(recording.Id, CancellationToken.None));
        return due.Count;
    }
}

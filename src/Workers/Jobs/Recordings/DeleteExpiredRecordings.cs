using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// Retention (<c>LiveHire:Video:RecordingRetentionDays</c>): deletes the MP4 and the session's segments and playlists
/// of recordings requested longer ago than that, and marks their rows Deleted. Safe to run twice: deleting what is
/// gone deletes nothing, and a deleted row is not picked again.
/// </summary>
public sealed class DeleteExpiredRecordings(LiveHireDbContext db, IBlobStore blobs, TimeProvider clock, IOptions<RecordingOptions> options)
{
    public const string Id = "delete-expired-recordings";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.Retention;
        var expired = await db.Recordings
            .Where(r => r.State != RecordingState.Deleted && r.RequestedAt < cutoff)
            .OrderBy(r => r.RequestedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var recording in expired)
        {
            // Marked first: a replay request from now on finds no recording, so no one is served a file being deleted.
            if (!recording.MarkDeleted(now).IsSuccess) continue; // still being archived; the next run takes it
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                continue; // a worker claimed it meanwhile; the next run takes it
            }
            await blobs.DeleteAsync(Recording.Mp4KeyFor(recording.SessionId), cancellationToken);
            await blobs.DeleteFolderAsync($"video/{recording.SessionId:N}", cancellationToken);
            deleted++;
        }
        return deleted;
    }
}

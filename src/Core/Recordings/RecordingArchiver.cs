using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Recordings;

/// <summary>
/// Records the request as a row; the Workers sweep (<c>ArchivePendingRecordings</c>) turns rows into archive jobs, so
/// the request survives any job store. Asking twice, also at the same moment, leaves one row (unique index).
/// </summary>
internal sealed class RecordingArchiver(LiveHireDbContext db, TimeProvider clock) : IRecordingArchiver
{
    public async Task RequestArchiveAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(sessionId, cancellationToken)) return;
        var recording = Recording.Request(sessionId, clock.GetUtcNow());
        db.Recordings.Add(recording);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request raced past the check; the unique index kept its row, which is the same request.
            db.Entry(recording).State = EntityState.Detached;
            if (!await ExistsAsync(sessionId, CancellationToken.None)) throw;
        }
    }

    private Task<bool> ExistsAsync(Guid sessionId, CancellationToken ct) => db.Recordings.AnyAsync(r => r.SessionId == sessionId, ct);
}

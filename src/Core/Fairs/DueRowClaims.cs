using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// The claim both dispatchers use: read the due ids, then take each with one conditional UPDATE (pending, and unclaimed
/// or its lease run out). PostgreSQL re-checks the WHERE on the row it waited for and SQLite serialises writers, so one
/// dispatcher wins each row; <paramref name="send"/> runs only for the rows this one won.
/// </summary>
internal static class DueRowClaims
{
    /// <summary>How long a claim holds: a dispatcher that dies mid-send leaves its rows to others after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int Batch = 200;

    public static async Task<int> ClaimAndSendAsync<T>(DbSet<T> rows, DateTimeOffset now, Func<Guid, Task<bool>> send, CancellationToken ct)
        where T : class, IDueRow
    {
        var due = await rows.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .OrderBy(r => r.DueAt).Select(r => r.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var token = Guid.NewGuid();
            var claimed = await rows
                .Where(r => r.Id == id && r.Status == ReminderStatus.Pending && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, now + Lease)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
            if (claimed == 1 && await send(id)) sent++;
        }
        return sent;
    }
}

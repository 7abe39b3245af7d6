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

    /// <summary>
    /// A run goes on batch after batch while batches come back full, so a fair with thousands of registrations is reminded
    /// in one run rather than 200 a minute; past this a run stops and the next one (or another Workers process) goes on.
    /// </summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(10);

    /// <param name="send">Sends one claimed row as of the batch's time; false when it was not sent (cancelled meanwhile).</param>
    public static async Task<int> ClaimAndSendAsync<T>(DbSet<T> rows, TimeProvider clock, Func<Guid, DateTimeOffset, Task<bool>> send,
        CancellationToken ct)
        where T : class, IDueRow
    {
        var sent = 0;
        var started = clock.GetUtcNow();
        List<Guid> due;
        do
        {
            // Each batch reads afresh at its own time: rows this run sent or cancelled are no longer pending, rows others
            // claimed are leased, and a lease taken late in a long run still lasts its whole length.
            var now = clock.GetUtcNow();
            due = await rows.AsNoTracking()
                .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .OrderBy(r => r.DueAt).Select(r => r.Id).Take(Batch).ToListAsync(ct);
            foreach (var id in due)
            {
                var token = Guid.NewGuid();
                var claimed = await rows
                    .Where(r => r.Id == id && r.Status == ReminderStatus.Pending && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, now + Lease)
                        .SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
                if (claimed == 1 && await send(id, now)) sent++;
            }
        } while (due.Count == Batch && clock.GetUtcNow() - started < RunBudget);
        return sent;
    }
}

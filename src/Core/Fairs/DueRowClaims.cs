using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// The claim both dispatchers use: read the due ids, then take them with one conditional UPDATE (pending, and unclaimed or
/// its lease run out) that stamps this claim's token. PostgreSQL re-checks the WHERE on each row it waited for and SQLite
/// serialises writers, so one dispatcher wins each row; <c>send</c> gets only what this one won (ADR 0008).
/// </summary>
internal static class DueRowClaims
{
    /// <summary>How long a claim holds: a dispatcher that dies mid-send leaves its rows to others after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    internal const int Batch = 500;

    /// <summary>
    /// A run goes on batch after batch while batches come back full, so a fair with thousands of registrations is reminded
    /// in one run rather than a batch a minute; past this a run stops and the next one (or another Workers process) goes on.
    /// </summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(10);

    /// <summary>One claim statement's rows: those of <see cref="Ids"/> that carry <see cref="Token"/> are this dispatcher's.</summary>
    internal sealed record Claim(IReadOnlyList<Guid> Ids, Guid Token);

    /// <param name="send">Sends a claim's rows as of the batch's time; returns how many were sent (not cancelled meanwhile).</param>
    public static async Task<int> ClaimAndSendAsync<T>(DbSet<T> rows, TimeProvider clock, Func<Claim, DateTimeOffset, Task<int>> send,
        CancellationToken ct)
        where T : class, IDueRow
    {
        var sent = 0;
        var started = clock.GetUtcNow();
        int found;
        do
        {
            // Each batch reads afresh at its own time: rows this run sent or cancelled are no longer pending, rows others
            // claimed are leased, and a lease taken late in a long run still lasts its whole length.
            var now = clock.GetUtcNow();
            var due = await rows.AsNoTracking()
                .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .OrderBy(r => r.DueAt).Select(r => new { r.Id, r.Attempts }).Take(Batch).ToListAsync(ct);
            found = due.Count;
            // First tries are claimed and sent together. A row tried before had its lease run out (its send threw or its
            // process died): it goes alone, so a row that fails every time holds back only itself, never a batch.
            List<IReadOnlyList<Guid>> claims = [due.Where(d => d.Attempts == 0).Select(d => d.Id).ToList()];
            claims.AddRange(due.Where(d => d.Attempts > 0).Select(d => (IReadOnlyList<Guid>)[d.Id]));
            foreach (var ids in claims.Where(ids => ids.Count > 0))
            {
                var token = Guid.NewGuid();
                var won = await rows
                    .Where(r => ids.Contains(r.Id) && r.Status == ReminderStatus.Pending && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, now + Lease)
                        .SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
                if (won > 0) sent += await send(new Claim(ids, token), now);
            }
        } while (found == Batch && clock.GetUtcNow() - started < RunBudget);
        return sent;
    }
}

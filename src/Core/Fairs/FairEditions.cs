using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Creates the editions of fair series that fall within <see cref="Ahead"/>. Shared by Web (a new series gets its editions
/// at once) and the Workers' recurring job. Safe to run twice, and from two processes at once: the unique index on
/// (series, occurrence date) rejects the second insert, which is then skipped.
/// </summary>
public sealed class FairEditions(LiveHireDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(8 * 7);

    /// <summary>Generates editions for every series, or only <paramref name="seriesId"/>; returns how many this call created.</summary>
    public async Task<int> GenerateAsync(Guid? seriesId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await db.FairSeries.AsNoTracking().Where(s => seriesId == null || s.Id == seriesId).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var series in all)
        {
            var upcoming = series.Recurrence.Upcoming(now, Ahead, series.TimeZone);
            if (upcoming.Count == 0) continue;
            var first = upcoming[0].Date;
            var existing = await db.Fairs.Where(f => f.SeriesId == series.Id && f.OccurrenceDate >= first)
                .Select(f => f.OccurrenceDate!.Value).ToListAsync(cancellationToken);
            foreach (var occurrence in upcoming.Where(o => !existing.Contains(o.Date)))
                if (await TryInsertAsync(series, occurrence, now, cancellationToken)) created++;
        }
        return created;
    }

    private async Task<bool> TryInsertAsync(FairSeries series, Occurrence occurrence, DateTimeOffset now, CancellationToken ct)
    {
        var edition = db.Fairs.Add(Fair.Edition(series, occurrence, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            edition.State = EntityState.Detached;
            // Another process inserted the same (series, date) between our read and our write: it is there, so we are done.
            if (await db.Fairs.AnyAsync(f => f.SeriesId == series.Id && f.OccurrenceDate == occurrence.Date, ct)) return false;
            throw;
        }
    }
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Writes the staff notices owed in the next day or two as rows, before they are due: a go-live reminder
/// <see cref="GoLiveLead"/> before each scheduled session, and each organizer's digest at <see cref="DigestAt"/> on every
/// local day that has sessions. Safe to run twice and from two processes: the unique (kind, subject, date) keeps one row.
/// A moved session moves its pending go-live reminder; a cancelled one cancels it.
/// </summary>
public sealed class StaffNoticePlanner(LiveHireDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan GoLiveLead = TimeSpan.FromMinutes(15);
    public static readonly TimeOnly DigestAt = new(7, 30);
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(48);

    public async Task<int> PlanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.LiveSessions.AsNoTracking()
            .Where(s => s.ScheduledStart > now && s.ScheduledStart <= now + Ahead)
            .Select(s => new { s.Id, s.ScheduledStart, s.Status, OrganizerId = s.Fair != null ? s.Fair.OrganizerId : (Guid?)null,
                FairCancelled = s.Fair != null && s.Fair.Status == FairStatus.Cancelled, Zone = s.Fair != null ? s.Fair.TimeZoneId : Fair.DefaultTimeZone })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var goLive = await db.StaffNotices.Where(n => n.Kind == StaffNoticeKind.GoLive && ids.Contains(n.SubjectId)).ToListAsync(ct);
        var planned = new List<StaffNotice>();

        foreach (var s in sessions)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(s.Zone);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.ScheduledStart, zone).DateTime);
            var pending = goLive.Where(n => n.SubjectId == s.Id && n.Status == ReminderStatus.Pending).ToList();
            if (s.Status != LiveSessionStatus.Scheduled || s.FairCancelled)
            {
                pending.ForEach(n => n.Cancel());
                continue;
            }
            // Moved to another day: the old day's reminder is not owed any more, the new day's is planned below.
            foreach (var n in pending) if (n.OnDate != day) n.Cancel(); else n.Reschedule(s.ScheduledStart - GoLiveLead);
            // Planned late (every Workers was down) it is still worth sending until the session starts.
            if (!goLive.Any(n => n.SubjectId == s.Id && n.OnDate == day))
                planned.Add(StaffNotice.Plan(StaffNoticeKind.GoLive, s.Id, day, s.ScheduledStart - GoLiveLead, now));
        }
        await db.SaveChangesAsync(ct);

        foreach (var day in sessions.Where(s => s.OrganizerId is not null && s.Status == LiveSessionStatus.Scheduled && !s.FairCancelled)
                     .Select(s => (Organizer: s.OrganizerId!.Value, s.Zone, Date: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.ScheduledStart, TimeZoneInfo.FindSystemTimeZoneById(s.Zone)).DateTime)))
                     .Distinct())
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(day.Zone);
            var due = new DateTimeOffset(day.Date.ToDateTime(DigestAt), zone.GetUtcOffset(day.Date.ToDateTime(DigestAt)));
            // A day planned after its morning (a session added at noon) still gets its digest at once, as long as the day lasts.
            if (!await db.StaffNotices.AnyAsync(n => n.Kind == StaffNoticeKind.MorningDigest && n.SubjectId == day.Organizer && n.OnDate == day.Date, ct)
                && !planned.Any(n => n.Kind == StaffNoticeKind.MorningDigest && n.SubjectId == day.Organizer && n.OnDate == day.Date))
                planned.Add(StaffNotice.Plan(StaffNoticeKind.MorningDigest, day.Organizer, day.Date, due, now));
        }

        var created = 0;
        foreach (var notice in planned)
            if (await TryInsertAsync(notice, ct)) created++;
        return created;
    }

    private async Task<bool> TryInsertAsync(StaffNotice notice, CancellationToken ct)
    {
        var entry = db.StaffNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            // Another Workers process planned the same (kind, subject, date) between our read and our write.
            if (await db.StaffNotices.AnyAsync(n => n.Kind == notice.Kind && n.SubjectId == notice.SubjectId && n.OnDate == notice.OnDate, ct)) return false;
            throw;
        }
    }
}

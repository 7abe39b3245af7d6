using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Keeps the reminder rows of a fair's registrations in step with its times: on registering, on a move (pending ones are
/// replaced by ones at the new times) and on a cancellation (pending ones are cancelled; the notice replaces them).
/// </summary>
public sealed class ReminderSchedule(LiveHireDbContext db, TimeProvider clock)
{
    /// <summary>Schedules the fair's registrations (or only <paramref name="registrationId"/>) at their current start times.</summary>
    public async Task<int> ScheduleAsync(Guid fairId, Guid? registrationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fair = await db.Fairs.AsNoTracking().Include(f => f.Series).FirstAsync(f => f.Id == fairId, ct);
        var registrations = db.FairRegistrations.Where(r => r.FairId == fairId && (registrationId == null || r.Id == registrationId));
        await db.Reminders.Where(r => r.Status == ReminderStatus.Pending && registrations.Select(g => g.Id).Contains(r.RegistrationId)).ExecuteDeleteAsync(ct);
        if (fair.Status == FairStatus.Cancelled) return 0;

        var targets = await registrations
            .Where(r => r.Session == null || r.Session.Status == LiveSessionStatus.Scheduled)
            .Select(r => new { r.Id, Start = r.Session != null ? r.Session.ScheduledStart : fair.StartsAt })
            .ToListAsync(ct);
        // A reminder already sent for the same kind and time (a fair moved back) is not owed again.
        var sent = (await db.Reminders.Where(r => registrations.Select(g => g.Id).Contains(r.RegistrationId))
            .Select(r => new { r.RegistrationId, r.MinutesBefore, r.DueAt }).ToListAsync(ct)).ToHashSet();
        var minutes = fair.Series?.ReminderMinutes ?? [.. FairSeries.DefaultReminderMinutes];
        var added = targets.SelectMany(t => Reminder.Plan(t.Id, t.Start, minutes, now))
            .Where(r => !sent.Contains(new { r.RegistrationId, r.MinutesBefore, r.DueAt }))
            .ToList();
        db.Reminders.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    public Task<int> CancelAsync(Guid fairId, CancellationToken ct) =>
        db.Reminders.Where(r => r.Status == ReminderStatus.Pending && db.FairRegistrations.Where(g => g.FairId == fairId).Select(g => g.Id).Contains(r.RegistrationId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Cancelled), ct);
}

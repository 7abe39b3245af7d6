using System.Globalization;
using System.Text;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Sends the reminders that are due. Any number of dispatchers may run at once (two Workers, retries): each reminder is
/// taken by one conditional UPDATE (pending, unclaimed or lease expired), which only one of them can win. The in-app
/// notification carries the reminder's id, so even a second send after a crash cannot make a second one.
/// </summary>
public sealed class ReminderDispatcher(LiveHireDbContext db, ChannelDelivery channels, ILiveNotifier live, TimeProvider clock)
{
    /// <summary>How long a claim holds: a dispatcher that dies mid-send leaves its reminders to others after this.</summary>
    public static TimeSpan Lease => DueRowClaims.Lease;

    public Task<int> DispatchDueAsync(CancellationToken ct) =>
        DueRowClaims.ClaimAndSendAsync(db.Reminders, clock, (id, now) => SendAsync(id, now, ct), ct);

    private async Task<bool> SendAsync(Guid reminderId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var reminder = await db.Reminders.Include(r => r.Registration!).ThenInclude(g => g.Fair)
            .Include(r => r.Registration!).ThenInclude(g => g.Session).FirstAsync(r => r.Id == reminderId, ct);
        var registration = reminder.Registration!;
        if (registration.Fair!.Status == FairStatus.Cancelled || registration.Session?.Status == LiveSessionStatus.Cancelled)
        {
            reminder.Cancel();
            await db.SaveChangesAsync(ct);
            return false;
        }
        var (title, body) = Text(reminder, registration);
        var link = registration.SessionId is { } sessionId ? $"/live/{sessionId}" : null;
        // SMS and e-mail go first: a crash before the commit below may repeat them after the lease, but never lose them.
        var ics = FairCalendar.For(registration.Fair, registration.Session, now);
        await channels.SendAsync(registration.CandidateId, title, body,
            new EmailAttachment(registration.SessionId is null ? "fair.ics" : "session.ics", "text", "calendar", Encoding.UTF8.GetBytes(ics)), ct);

        var notification = Notification.Create(registration.CandidateId, NotificationKind.Reminder, title, body, link, now, reminder.Id);
        if (!await db.Notifications.AnyAsync(n => n.Id == reminder.Id, ct)) db.Notifications.Add(notification);
        reminder.MarkSent(now);
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(new NotificationAdded(notification.UserId, notification.Id, notification.Kind.ToString(), title, body, link, now), ct);
        return true;
    }

    private static (string Title, string Body) Text(Reminder reminder, FairRegistration registration)
    {
        var fair = registration.Fair!;
        var what = registration.Session is { } s ? $"「{s.Title}」直播" : $"「{fair.Title}」";
        var start = registration.Session?.ScheduledStart ?? fair.StartsAt;
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(fair.TimeZoneId))
            .ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        return reminder.MinutesBefore switch
        {
            0 => ($"开始了：{what}", $"{what}现在开始，点这里进入。"),
            >= 1440 when reminder.MinutesBefore % 1440 == 0 => ($"招聘会提醒：{what}", $"{what}将于 {local} 开始（还有 {reminder.MinutesBefore / 1440} 天）。"),
            >= 60 when reminder.MinutesBefore % 60 == 0 => ($"招聘会提醒：{what}", $"{what}将于 {local} 开始（还有 {reminder.MinutesBefore / 60} 小时）。"),
            _ => ($"招聘会提醒：{what}", $"{what}将于 {local} 开始（还有 {reminder.MinutesBefore} 分钟）。"),
        };
    }
}

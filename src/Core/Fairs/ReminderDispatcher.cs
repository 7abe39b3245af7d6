using System.Globalization;
using System.Text;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Sends the reminders that are due, a batch at a time. Any number of dispatchers may run at once (two Workers, retries):
/// a batch is taken by one conditional UPDATE (pending, unclaimed or lease expired), and each row can be won by only one
/// of them. The in-app notification carries the reminder's id, so even a second send after a crash cannot make a second one.
/// </summary>
public sealed class ReminderDispatcher(LiveHireDbContext db, ChannelDelivery channels, ILiveNotifier live, TimeProvider clock)
{
    /// <summary>How long a claim holds: a dispatcher that dies mid-send leaves its reminders to others after this.</summary>
    public static TimeSpan Lease => DueRowClaims.Lease;

    public Task<int> DispatchDueAsync(CancellationToken ct) =>
        DueRowClaims.ClaimAndSendAsync(db.Reminders, clock, (claim, now) => SendAsync(claim, now, ct), ct);

    private async Task<int> SendAsync(DueRowClaims.Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Read only: the marks below are two set-based UPDATEs, not one tracked UPDATE per reminder.
        var batch = await db.Reminders.AsNoTracking().Where(r => claim.Ids.Contains(r.Id) && r.ClaimToken == claim.Token)
            .Join(db.Users, r => r.Registration!.CandidateId, u => u.Id, (r, u) => new
            {
                Reminder = r, r.Registration, r.Registration!.Fair, r.Registration.Session,
                To = new Recipient(u.Id, u.PhoneNumber, u.Email, u.Channels),
            })
            .ToListAsync(ct);
        var calendars = new Dictionary<(Guid, Guid?), EmailAttachment>();
        var messages = new List<ChannelMessage>();
        var notifications = new List<Notification>();
        var (sent, cancelled) = (new List<Guid>(), new List<Guid>());
        foreach (var (reminder, registration, fair, session, to) in batch.Select(b => (b.Reminder, b.Registration!, b.Fair!, b.Session, b.To)))
        {
            if (fair.Status == FairStatus.Cancelled || session?.Status == LiveSessionStatus.Cancelled)
            {
                cancelled.Add(reminder.Id);
                continue;
            }
            var (title, body) = Text(reminder, registration, fair, session);
            var link = registration.SessionId is { } sessionId ? $"/live/{sessionId}" : null;
            if (!calendars.TryGetValue((fair.Id, session?.Id), out var ics))
                calendars[(fair.Id, session?.Id)] = ics = new EmailAttachment(session is null ? "fair.ics" : "session.ics", "text", "calendar",
                    Encoding.UTF8.GetBytes(FairCalendar.For(fair, session, now)));
            messages.Add(new ChannelMessage(to, title, body, ics));
            notifications.Add(Notification.Create(registration.CandidateId, NotificationKind.Reminder, title, body, link, now, reminder.Id));
            sent.Add(reminder.Id);
        }
        await DueNotifications.CommitAsync(db, channels, live, messages, notifications, now, async () =>
        {
            // Sent (with its time) or cancelled (its fair or session was: the cancellation notice replaces it), the whole batch at once.
            if (sent.Count > 0)
                await db.Reminders.Where(r => sent.Contains(r.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReminderStatus.Sent).SetProperty(r => r.SentAt, now), ct);
            if (cancelled.Count > 0)
                await db.Reminders.Where(r => cancelled.Contains(r.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReminderStatus.Cancelled), ct);
        }, ct);
        return notifications.Count;
    }

    private static (string Title, string Body) Text(Reminder reminder, FairRegistration registration, Fair fair, LiveSession? session)
    {
        var what = session is { } s ? $"「{s.Title}」直播" : $"「{fair.Title}」";
        var start = session?.ScheduledStart ?? fair.StartsAt;
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

using System.Globalization;
using System.Security.Cryptography;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>
/// Sends the staff notices that are due, claimed a batch at a time with a conditional UPDATE exactly as reminders are (ADR 0008):
/// a go-live reminder to each recruiter of the session's employer, a morning digest to each member of the organizer. Each
/// person's in-app notification has an id derived from (notice, person), so a resend after a crash cannot double it.
/// </summary>
public sealed class StaffNoticeDispatcher(LiveHireDbContext db, ChannelDelivery channels, ILiveNotifier live, TimeProvider clock)
{
    public Task<int> DispatchDueAsync(CancellationToken ct) =>
        DueRowClaims.ClaimAndSendAsync(db.StaffNotices, clock, (claim, now) => SendAsync(claim, now, ct), ct);

    private async Task<int> SendAsync(DueRowClaims.Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var notices = await db.StaffNotices.Where(n => claim.Ids.Contains(n.Id) && n.ClaimToken == claim.Token).ToListAsync(ct);
        var notifications = new List<Notification>();
        var sent = 0;
        foreach (var notice in notices)
        {
            var message = notice.Kind == StaffNoticeKind.GoLive ? await GoLiveAsync(notice, now, ct) : await DigestAsync(notice, now, ct);
            if (message is null)
            {
                notice.Cancel();
                continue;
            }
            var (recipients, title, body, link, kind) = message.Value;
            notifications.AddRange(recipients.Select(userId => Notification.Create(userId, kind, title, body, link, now, PersonalId(notice.Id, userId))));
            notice.MarkSent(now);
            sent++;
        }
        var to = await channels.RecipientsAsync(notifications.Select(n => n.UserId).Distinct().ToList(), ct);
        var messages = notifications.Where(n => to.ContainsKey(n.UserId)).Select(n => new ChannelMessage(to[n.UserId], n.Title, n.Body, null)).ToList();
        await DueNotifications.CommitAsync(db, channels, live, messages, notifications, now, mark: null, ct);
        return sent;
    }

    private async Task<(List<Guid>, string, string, string, NotificationKind)?> GoLiveAsync(StaffNotice notice, DateTimeOffset now, CancellationToken ct)
    {
        var session = await db.LiveSessions.AsNoTracking().Include(s => s.Fair).FirstOrDefaultAsync(s => s.Id == notice.SubjectId, ct);
        if (session is null || session.Status != LiveSessionStatus.Scheduled || session.Fair?.Status == FairStatus.Cancelled || session.ScheduledEnd <= now)
            return null;
        var hosts = await db.Users.Where(u => u.OrganizationId == session.EmployerId).Select(u => u.Id).ToListAsync(ct);
        var local = Local(session.ScheduledStart, session.Fair?.TimeZoneId ?? Fair.DefaultTimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return (hosts, $"准备开播：「{session.Title}」", $"「{session.Title}」将于 {local} 开始，请提前进入直播间调试。", $"/studio/{session.Id}", NotificationKind.GoLive);
    }

    private async Task<(List<Guid>, string, string, string, NotificationKind)?> DigestAsync(StaffNotice notice, DateTimeOffset now, CancellationToken ct)
    {
        var sessions = (await db.LiveSessions.AsNoTracking()
                .Where(s => s.Fair != null && s.Fair.OrganizerId == notice.SubjectId && s.Fair.Status == FairStatus.Scheduled
                    && (s.Status == LiveSessionStatus.Scheduled || s.Status == LiveSessionStatus.Live))
                .Select(s => new { s.Title, s.ScheduledStart, Employer = s.Employer!.Name, s.Fair!.TimeZoneId })
                .ToListAsync(ct))
            .Select(s => (s.Title, s.Employer, Local: Local(s.ScheduledStart, s.TimeZoneId)))
            .Where(s => DateOnly.FromDateTime(s.Local.DateTime) == notice.OnDate)
            .OrderBy(s => s.Local).ToList();
        // A digest that could not go out before its day ended (every process down) is no use any more.
        if (sessions.Count == 0 || now - notice.DueAt >= TimeSpan.FromHours(16.5))
            return null;
        var members = await db.Users.Where(u => u.OrganizationId == notice.SubjectId).Select(u => u.Id).ToListAsync(ct);
        var lines = string.Join("\n", sessions.Select(s => $"{s.Local:HH:mm} {s.Title}（{s.Employer}）"));
        return (members, $"今日场次：{notice.OnDate.ToString("M月d日", CultureInfo.InvariantCulture)} 共 {sessions.Count} 场", lines, "/organizer/sessions", NotificationKind.MorningDigest);
    }

    private static DateTimeOffset Local(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>One notice reaches several people; each one's notification id is fixed by (notice, person) so it exists once.</summary>
    internal static Guid PersonalId(Guid noticeId, Guid userId)
    {
        Span<byte> both = stackalloc byte[32];
        noticeId.TryWriteBytes(both[..16]);
        userId.TryWriteBytes(both[16..]);
        return new Guid(SHA256.HashData(both)[..16]);
    }
}

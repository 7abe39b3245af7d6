using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using System.Text;
using LiveHire.Core.Fairs;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>
/// Tells everyone a change to a fair affects: its registered candidates and the recruiters of employers with a session or an
/// approved booth in it. Each gets a notification (kept in the database, pushed live to open tabs); candidates also get it by
/// the channels they chose (SMS, e-mail with the fair's updated .ics when it moved).
/// The text is Chinese: it is stored and sent once, and every person it goes to reads Chinese.
/// </summary>
public sealed class FairNotices(LiveHireDbContext db, ChannelDelivery channels, ILiveNotifier live, TimeProvider clock)
{
    public async Task<int> TellAffectedAsync(Fair fair, NotificationKind kind, DateTimeOffset oldStart, CancellationToken ct)
    {
        var candidates = await db.FairRegistrations.Where(r => r.FairId == fair.Id).Select(r => r.CandidateId).Distinct().ToListAsync(ct);
        var employers = db.LiveSessions.Where(s => s.FairId == fair.Id).Select(s => s.EmployerId)
            .Union(db.Booths.Where(b => b.FairId == fair.Id && b.Status == BoothStatus.Approved).Select(b => b.EmployerId));
        var recruiters = await db.Users.Where(u => u.OrganizationId != null && employers.Contains(u.OrganizationId.Value)).Select(u => u.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var (title, body) = Text(fair, kind, oldStart);
        var notifications = candidates.Concat(recruiters).Distinct()
            .Select(userId => Notification.Create(userId, kind, title, body, null, now)).ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(ct);

        foreach (var n in notifications)
            await live.PublishAsync(new NotificationAdded(n.UserId, n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAt), ct);
        var ics = kind == NotificationKind.FairMoved
            ? new EmailAttachment("fair.ics", "text", "calendar", Encoding.UTF8.GetBytes(FairCalendar.For(fair, null, now)))
            : null;
        foreach (var candidateId in candidates)
            await channels.SendAsync(candidateId, title, body, ics, ct);
        return notifications.Count;
    }

    private static (string Title, string Body) Text(Fair fair, NotificationKind kind, DateTimeOffset oldStart)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(fair.TimeZoneId);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return kind == NotificationKind.FairCancelled
            ? ($"招聘会取消：{fair.Title}", $"原定 {Local(oldStart)} 的「{fair.Title}」已取消，场内直播一并取消。")
            : ($"招聘会改期：{fair.Title}", $"「{fair.Title}」由 {Local(oldStart)} 改到 {Local(fair.StartsAt)}，场内直播时间同步调整。");
    }
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>
/// Tells an employer's recruiters the organizer's decision on their booth: a notification row each, pushed live to their open
/// tabs. Chinese, like <see cref="Fairs.FairNotices"/>: it is stored once and every recruiter it goes to reads Chinese.
/// </summary>
public sealed class BoothNotices(LiveHireDbContext db, ILiveNotifier live, TimeProvider clock)
{
    public async Task TellEmployerAsync(Booth booth, Fair fair, CancellationToken ct)
    {
        var recruiters = await db.Users.Where(u => u.OrganizationId == booth.EmployerId).Select(u => u.Id).ToListAsync(ct);
        var (kind, title, body) = booth.Status == BoothStatus.Approved
            ? (NotificationKind.BoothApproved, $"展位已通过：{fair.Title}", $"「{fair.Title}」的展位申请已通过，现在可以预约直播时段。")
            : (NotificationKind.BoothDeclined, $"展位未通过：{fair.Title}", $"「{fair.Title}」的展位申请未通过。原因：{booth.DeclineReason}");
        var now = clock.GetUtcNow();
        var notifications = recruiters.Select(id => Notification.Create(id, kind, title, body, "/studio/booths", now)).ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(ct);
        foreach (var n in notifications)
            await live.PublishAsync(new NotificationAdded(n.UserId, n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAt), ct);
    }
}

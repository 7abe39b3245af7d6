using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Features.Notifications;

/// <summary>The bell in the top bar: the unread count as the page is drawn; bell.js keeps it live over the hub.</summary>
public sealed class NotificationBellViewComponent(LiveHireDbContext db, IOptions<LiveHireOptions> options) : ViewComponent
{
    public sealed record Model(int Unread, string HubUrl);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var unread = userId is { } id ? await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null, HttpContext.RequestAborted) : 0;
        return View(new Model(unread, LiveHubUrl.For(options.Value)));
    }
}

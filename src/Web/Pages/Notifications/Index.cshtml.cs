using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Notifications;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Pages.Notifications;

/// <summary>The notification centre: a person's own messages, newest first. Anyone signed in (the folder requires it).</summary>
public sealed class IndexModel(IMediator mediator, LiveHireDbContext db, TimeProvider clock) : PageModel
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById(LiveHire.Core.Domain.Fair.DefaultTimeZone);

    public Inbox Inbox { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await mediator.Send(new ListMyNotifications.Query(User.UserId()!.Value, 100), ct);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }

    public static string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Beijing).ToString("M月d日 HH:mm");
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Pages.Admin;

/// <summary>
/// What the development senders "sent" (sign-in codes above all), newest first, so that a demo or a test run can read
/// them without a real SMS gateway. The /Admin folder is for admins only.
/// </summary>
public sealed class OutboxModel(LiveHireDbContext db) : PageModel
{
    public const int Take = 200;
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById(Fair.DefaultTimeZone);

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(Take).ToListAsync(cancellationToken);

    public static string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Beijing).ToString("yyyy-MM-dd HH:mm:ss");
}

using LiveHire.Core.Identity;
using LiveHire.Web.Features.Settings;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Me;

/// <summary>Where reminders go besides the bell: SMS and/or e-mail. Anyone signed in, for themselves.</summary>
[Authorize]
public sealed class SettingsModel(IMediator mediator) : PageModel
{
    public SettingsView Current { get; private set; } = new(false, false, null, null);
    [BindProperty] public bool Sms { get; set; }
    [BindProperty] public bool Email { get; set; }
    [TempData] public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Current = await mediator.Send(new MySettings.Query(User.UserId()!.Value), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new MySettings.Command(User.UserId()!.Value, new MySettings.Request(Sms, Email)), ct);
        Outcome = result.IsSuccess ? "Settings.Saved" : "Settings.Failed";
        return RedirectToPage();
    }
}

using LiveHire.Core.Identity;
using LiveHire.Web.Features.Fairs;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Me;

/// <summary>"My schedule": what a candidate registered for, with a calendar file for each; cancel a registration here.</summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class ScheduleModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ScheduleItem> Items { get; private set; } = [];
    [TempData] public bool Removed { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await mediator.Send(new ListMySchedule.Query(User.UserId()!.Value), ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid fairId, Guid registrationId, CancellationToken ct)
    {
        Removed = (await mediator.Send(new CancelRegistration.Command(fairId, registrationId, User.UserId()!.Value), ct)).IsSuccess;
        return RedirectToPage();
    }
}

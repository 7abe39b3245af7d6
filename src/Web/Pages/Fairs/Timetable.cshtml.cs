using LiveHire.Web.Features.Booths;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Fairs;

/// <summary>A fair's timetable for candidates, readable at a glance on a phone. Anyone may read.</summary>
[AllowAnonymous]
public sealed class TimetableModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public TimetableView Timetable { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid fairId, CancellationToken ct)
    {
        var result = await mediator.Send(new GetTimetable.Query(fairId), ct);
        if (!result.IsSuccess) return NotFound();
        Timetable = result.Value!;
        Now = clock.GetUtcNow();
        return Page();
    }

    /// <summary>Live, Upcoming or Ended, as a candidate would say it: a scheduled session whose time has passed is over.</summary>
    public string Marker(TimetableRow row) => row.Status switch
    {
        "Live" => "Live",
        "Ended" => "Ended",
        _ when row.End <= Now => "Ended",
        _ => "Upcoming",
    };
}

using LiveHire.Web.Features.Recordings;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Replay;

/// <summary>
/// A session's replay. Anyone may watch a recording that is ready and not hidden; its hosts also see hidden ones and
/// hide or show them. Anyone else gets 404 for a hidden recording.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetReplay.Replay Replay { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (await mediator.Send(new GetReplay.Query(sessionId, User), ct) is not { } replay) return NotFound();
        Replay = replay;
        return Page();
    }

    public async Task<IActionResult> OnPostHiddenAsync(Guid sessionId, bool hidden, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var result = await mediator.Send(new SetRecordingHidden.Command(sessionId, hidden, User), ct);
        if (result.IsSuccess) return RedirectToPage(new { sessionId });
        return result.Error!.Code == "forbidden" ? Forbid() : NotFound();
    }
}

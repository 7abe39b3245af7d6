using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Fairs;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Fairs;

/// <summary>
/// Upcoming fairs with their sessions, filtered by district, group, industry and date. Anyone may browse; registering
/// (a plain POST form, so it works without scripts) is for candidates: anonymous people are sent to sign in, other roles refused.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public TargetGroup? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [TempData] public string? Outcome { get; set; }

    public IReadOnlyList<FairListItem> Fairs { get; private set; } = [];
    public ILookup<Guid, FairSessionItem> Sessions { get; private set; } = Array.Empty<FairSessionItem>().ToLookup(s => s.FairId);
    private HashSet<(Guid, Guid?)> registered = [];

    public bool IsCandidate => User.IsInRole(Roles.Candidate);
    public bool IsRegistered(Guid fairId, Guid? sessionId) => registered.Contains((fairId, sessionId));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Fairs = await mediator.Send(new ListFairs.Query(District, Group, Industry, Date, Date), ct);
        Sessions = await mediator.Send(new ListFairSessions.Query([.. Fairs.Select(f => f.Id)]), ct);
        if (IsCandidate && User.UserId() is { } me)
            registered = [.. (await mediator.Send(new ListMySchedule.Query(me), ct)).Select(i => (i.FairId, i.SessionId))];
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid fairId, Guid? sessionId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!IsCandidate || User.UserId() is not { } me) return Forbid();
        var result = await mediator.Send(new RegisterForFair.Command(fairId, sessionId, me), ct);
        Outcome = result.IsSuccess ? "Browse.Done" : "Browse.Failed";
        return RedirectToPage(new { District, Group, Industry, Date });
    }
}

using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Studio;

/// <summary>The host's studio: recruiters of the session's employer only (others get 403, unknown sessions 404).</summary>
public sealed class SessionModel(IMediator mediator, IOptions<LiveHireOptions> options) : PageModel
{
    public SessionSummary Session { get; private set; } = null!;
    public string HubUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (await mediator.Send(new GetSession.Query(sessionId), ct) is not { } session) return NotFound();
        if (!User.IsRecruiterOf(session.EmployerId)) return Forbid();
        Session = session;
        HubUrl = LiveHubUrl.For(options.Value);
        return Page();
    }
}

using LiveHire.Core.Options;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Live;

/// <summary>The viewer's live room. Anyone may watch; the page itself is static and the script talks to the hub.</summary>
public sealed class RoomModel(IMediator mediator, IOptions<LiveHireOptions> options) : PageModel
{
    public SessionSummary Session { get; private set; } = null!;
    public string HubUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (await mediator.Send(new GetSession.Query(sessionId), ct) is not { } session) return NotFound();
        Session = session;
        HubUrl = LiveHubUrl.For(options.Value);
        return Page();
    }
}

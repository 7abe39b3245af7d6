using LiveHire.Core.Options;
using LiveHire.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Live;

/// <summary>The viewer's live room. Anyone may watch; the page itself is static and the script talks to the hub.</summary>
public sealed class RoomModel(IMediator mediator, IOptions<LiveHireOptions> options) : RoomPageModel(mediator, options)
{
    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        return Page();
    }
}

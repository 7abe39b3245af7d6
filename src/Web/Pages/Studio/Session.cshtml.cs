using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Studio;

/// <summary>The host's studio: recruiters of the session's employer only (others get 403, unknown sessions 404).</summary>
public sealed class SessionModel(IMediator mediator, IOptions<LiveHireOptions> options) : RoomPageModel(mediator, options)
{
    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        return User.IsRecruiterOf(Session.EmployerId) ? Page() : Forbid();
    }
}

using LiveHire.Core.Identity;
using LiveHire.Web.Features.Sessions;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Studio;

/// <summary>Recruiters (folder policy): their employer's upcoming and live sessions.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationIdOf() is { } employerId)
            Sessions = await mediator.Send(new ListSessions.Query(employerId), ct);
    }
}

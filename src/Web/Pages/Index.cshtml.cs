using LiveHire.Web.Features.Sessions;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await mediator.Send(new ListSessions.Query(), ct);
}

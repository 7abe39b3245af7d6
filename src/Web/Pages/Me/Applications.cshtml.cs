using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Web.Features.Applications;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Me;

/// <summary>A candidate's applications with each one's status, updated live (my-applications.ts); withdraw one here.</summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class ApplicationsModel(IMediator mediator, IOptions<LiveHireOptions> options) : PageModel
{
    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];
    public string HubUrl => LiveHubUrl.For(options.Value);

    public async Task OnGetAsync(CancellationToken ct) =>
        Applications = await mediator.Send(new ListMyApplications.Query(User.UserId()!.Value), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken ct)
    {
        await mediator.Send(new WithdrawApplication.Command(User.UserId()!.Value, applicationId, null), ct);
        return RedirectToPage();
    }
}

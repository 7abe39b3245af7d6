using LiveHire.Core.Domain;
using LiveHire.Web.Features.Recommendations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Organizer;

/// <summary>Organizers (folder policy) see who has been recommended what, filtered by district, group and date.</summary>
public sealed class RecommendationsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<ListRecommendations.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await mediator.Send(new ListRecommendations.Query(new ListRecommendations.Filter(District, Group, From, To)), ct);

    public static IEnumerable<string> GroupNames => Enum.GetNames<SuitableGroups>().Where(n => n != nameof(SuitableGroups.None));
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Applications;
using LiveHire.Web.Features.Search;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Pages.Jobs;

/// <summary>家门口 search for everyone; candidates also save their home here and apply in one tap.</summary>
public sealed class IndexModel(IMediator mediator, LiveHireDbContext db, IStringLocalizer<ErrorsResource> errors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MinPay { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed class HomeInput
    {
        public string? District { get; set; }
        public string? Street { get; set; }
        public string? Community { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
    }

    [BindProperty] public HomeInput Home { get; set; } = new();
    public SearchJobs.SearchResult Result { get; private set; } = new(Place.Nowhere, [], 1, false);
    public IReadOnlySet<Guid> Applied { get; private set; } = new HashSet<Guid>();
    public bool IsCandidate => User.IsInRole(Roles.Candidate);
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var home = await SearchJobs.HomeOfAsync(db, User, null, ct);
        Home = new HomeInput { District = home.District, Street = home.Street, Community = home.Community, Latitude = home.Latitude, Longitude = home.Longitude };
        Result = await mediator.Send(new SearchJobs.Query(new SearchJobs.Filter(Q, Type, MinPay, "Month", Group, PageNumber), home), ct);
        if (IsCandidate && User.UserId() is { } me)
            Applied = (await db.Applications.Where(a => a.CandidateId == me).Select(a => a.JobId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<IActionResult> OnPostHomeAsync(CancellationToken ct)
    {
        if (!IsCandidate) return Forbid();
        var saved = await mediator.Send(new SetHome.Command(User.UserId()!.Value, new SetHome.Request(Home.District, Home.Street, Home.Community, Home.Latitude, Home.Longitude)), ct);
        Notice = saved.IsSuccess ? "home-saved" : errors.Describe(saved.Error!);
        return RedirectToPage(new { Q, Type, MinPay, Group });
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid jobId, CancellationToken ct)
    {
        if (!IsCandidate) return Forbid();
        var applied = await mediator.Send(new SubmitApplication.Command(new SubmitApplication.Request(jobId, null, null), User.UserId()!.Value,
            User.DisplayNameOf()), ct);
        if (!applied.IsSuccess) Notice = errors.Describe(applied.Error!);
        return RedirectToPage(new { Q, Type, MinPay, Group, p = PageNumber });
    }
}

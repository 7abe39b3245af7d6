using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Applications;
using LiveHire.Web.Features.Recommendations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using LiveHire.Web.Infrastructure;

namespace LiveHire.Web.Pages.Me;

/// <summary>为你推荐: at least three jobs with the reasons, and a one-tap apply (the same use case as the API) with the newest resume.</summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class RecommendationsModel(IMediator mediator, LiveHireDbContext db, IStringLocalizer<ErrorsResource> errors) : PageModel
{
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public bool HasProfile { get; private set; }
    public string? LatestResume { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        Recommendations = await mediator.Send(new RecommendJobs.Command(me), ct);
        HasProfile = await db.CandidateProfiles.AnyAsync(p => p.UserId == me, ct);
        LatestResume = (await LatestResumeAsync(me, ct))?.FileName;
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid jobId, CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var resume = await LatestResumeAsync(me, ct);
        var applied = await mediator.Send(new SubmitApplication.Command(new SubmitApplication.Request(jobId, resume?.Id, null), me, User.DisplayNameOf()), ct);
        if (!applied.IsSuccess) Notice = errors.Describe(applied.Error!);
        return RedirectToPage();
    }

    private async Task<(Guid Id, string FileName)?> LatestResumeAsync(Guid me, CancellationToken ct)
    {
        // Sorted here: SQLite cannot order by DateTimeOffset text, and a library holds at most a few dozen files.
        var resumes = await db.Resumes.AsNoTracking().Where(r => r.CandidateId == me).Select(r => new { r.Id, r.FileName, r.UploadedAt }).ToListAsync(ct);
        return resumes.OrderByDescending(r => r.UploadedAt).Select(r => ((Guid, string)?)(r.Id, r.FileName)).FirstOrDefault();
    }
}

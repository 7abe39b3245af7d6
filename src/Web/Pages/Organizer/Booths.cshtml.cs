using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Booths;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using LiveHire.Web.Infrastructure;

namespace LiveHire.Web.Pages.Organizer;

/// <summary>Organizers (folder policy) review booth applications for one of their fairs and set its capacity, stages and grid.</summary>
public sealed class BoothsModel(IMediator mediator, LiveHireDbContext db, TimeProvider clock, IStringLocalizer<ErrorsResource> errors) : PageModel
{
    public sealed record FairLink(Guid Id, string Title, DateTimeOffset StartsAt);

    public IReadOnlyList<FairLink> Fairs { get; private set; } = [];
    public FairBooths? Selected { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? fairId, CancellationToken ct)
    {
        var organizerId = User.OrganizationIdOf();
        if (organizerId is null) return Forbid();
        var now = clock.GetUtcNow();
        Fairs = await db.Fairs.AsNoTracking().Where(f => f.OrganizerId == organizerId && f.Status == FairStatus.Scheduled && f.EndsAt > now)
            .OrderBy(f => f.StartsAt).Take(30).Select(f => new FairLink(f.Id, f.Title, f.StartsAt)).ToListAsync(ct);
        if ((fairId ?? Fairs.FirstOrDefault()?.Id) is { } id)
        {
            var result = await mediator.Send(new ListFairBooths.Query(id, organizerId.Value), ct);
            if (!result.IsSuccess) return NotFound();
            Selected = result.Value;
        }
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid fairId, Guid boothId, CancellationToken ct) =>
        DecideAsync(fairId, boothId, null, ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid fairId, Guid boothId, string? reason, CancellationToken ct) =>
        DecideAsync(fairId, boothId, reason ?? "", ct);

    public async Task<IActionResult> OnPostSettingsAsync(Guid fairId, int boothCapacity, int stages, int slotMinutes, CancellationToken ct)
    {
        if (User.OrganizationIdOf() is not { } organizerId) return Forbid();
        var result = await mediator.Send(new SetFairTimetable.Command(fairId, organizerId, new SetFairTimetable.Request(boothCapacity, stages, slotMinutes)), ct);
        Notice = result.IsSuccess ? null : errors.Describe(result.Error!);
        return RedirectToPage(new { fairId });
    }

    private async Task<IActionResult> DecideAsync(Guid fairId, Guid boothId, string? declineReason, CancellationToken ct)
    {
        if (User.UserId() is not { } userId || User.OrganizationIdOf() is not { } organizerId) return Forbid();
        var result = await mediator.Send(new DecideBooth.Command(fairId, boothId, organizerId, userId, declineReason), ct);
        Notice = result.IsSuccess ? null : errors.Describe(result.Error!);
        return RedirectToPage(new { fairId });
    }
}

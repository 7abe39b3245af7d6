using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Hiring;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using LiveHire.Web.Infrastructure;

namespace LiveHire.Web.Pages.Studio;

/// <summary>The hiring board (recruiters, folder policy): their employer's applications, per job or across jobs.</summary>
public sealed class BoardModel(IMediator mediator, LiveHireDbContext db, IStringLocalizer<ErrorsResource> errors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? JobId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<BoardCard> Cards { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Jobs { get; private set; } = [];
    public ILookup<Guid, OpenApplication.NoteView> Notes { get; private set; } = Enumerable.Empty<OpenApplication.NoteView>().ToLookup(_ => Guid.Empty);
    [TempData] public string? Notice { get; set; }

    private Guid EmployerId => User.OrganizationIdOf() ?? Guid.Empty;

    /// <summary>Where a recruiter may move an application from <paramref name="status"/>: forward steps (hire only after an offer) and reject.</summary>
    public static IEnumerable<ApplicationStatus> NextSteps(string status)
    {
        var current = Enum.Parse<ApplicationStatus>(status);
        if (current is ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn) return [];
        return Enum.GetValues<ApplicationStatus>().Where(s => s > current && s < ApplicationStatus.Rejected
            && (s != ApplicationStatus.Hired || current == ApplicationStatus.Offer)).Append(ApplicationStatus.Rejected);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == EmployerId).Select(j => new { j.Id, j.Title }).ToListAsync(ct);
        Jobs = jobs.Select(j => (j.Id, j.Title)).OrderBy(j => j.Title, StringComparer.Ordinal).ToList();
        Cards = await mediator.Send(new ListBoard.Query(EmployerId, new ListBoard.Filter(JobId, Status, Q)), ct);
        // One query for the notes of the cards that have any; the cards are this employer's already.
        var noted = Cards.Where(c => c.Notes > 0).Select(c => c.Id).ToList();
        var notes = noted.Count == 0 ? [] : await db.ApplicationNotes.AsNoTracking().Where(n => noted.Contains(n.ApplicationId))
            .OrderBy(n => n.CreatedAt).Select(n => new { n.ApplicationId, View = new OpenApplication.NoteView(n.AuthorName, n.Text, n.CreatedAt) })
            .ToListAsync(ct);
        Notes = notes.ToLookup(n => n.ApplicationId, n => n.View);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid applicationId, string to, string? reason, CancellationToken ct)
    {
        var moved = await mediator.Send(new MoveApplication.Command(applicationId, new MoveApplication.Request(to, reason), User), ct);
        Notice = moved.IsSuccess ? null : errors.Describe(moved.Error!);
        return RedirectToPage(new { JobId, Status, Q });
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid applicationId, string? text, CancellationToken ct)
    {
        var written = await mediator.Send(new AddApplicationNote.Command(applicationId, text ?? "", User), ct);
        Notice = written.IsSuccess ? null : errors.Describe(written.Error!);
        return RedirectToPage(new { JobId, Status, Q });
    }

    public async Task<IActionResult> OnPostRejectAsync(List<Guid> selected, string? message, CancellationToken ct)
    {
        if (selected.Count is > 0 and <= BulkReject.MaxApplications && !string.IsNullOrWhiteSpace(message) && message.Length <= JobApplication.ReasonMaxLength)
            await mediator.Send(new BulkReject.Command(EmployerId, new BulkReject.Request(selected, message)), ct);
        return RedirectToPage(new { JobId, Status, Q });
    }
}

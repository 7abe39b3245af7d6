using System.ComponentModel.DataAnnotations;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Pages.Organizer;

/// <summary>Organizers (folder policy) schedule live sessions for employers.</summary>
public sealed class SessionsModel(IMediator mediator, LiveHireDbContext db, TimeProvider clock, IValidator<ScheduleSession.Command> validator,
    IStringLocalizer<ErrorsResource> errors) : PageModel
{
    public sealed class InputModel
    {
        // Display names are SharedResource keys (the form's labels): model binding's messages name the field with them.
        [Display(Name = "Organizer.Employer")] public Guid EmployerId { get; set; }
        [Display(Name = "Organizer.Fair")] public Guid? FairId { get; set; }
        [Display(Name = "Organizer.SessionTitle")] public string Title { get; set; } = "";
        [Display(Name = "Organizer.Start")] public DateTime Start { get; set; }
        [Display(Name = "Organizer.End")] public DateTime End { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Employers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Fairs { get; private set; } = [];
    public IReadOnlyList<SessionSummary> Upcoming { get; private set; } = [];
    [TempData] public string? ScheduledTitle { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var start = BeijingTime.ToLocal(clock.GetUtcNow()).Date.AddDays(1).AddHours(10);
        Input = new InputModel { Start = start, End = start.AddHours(1) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organizerId = User.OrganizationIdOf();
        if (User.UserId() is not { } userId || organizerId is null) return Forbid();
        // A field that did not bind (an emptied date) says so; its default value would mean nothing to the rules below.
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var request = new ScheduleSession.Request(Input.EmployerId, Input.FairId, Input.Title,
            BeijingTime.FromLocal(Input.Start), BeijingTime.FromLocal(Input.End));
        var validation = await validator.ValidateAsync(new ScheduleSession.Command(request, userId, organizerId.Value), ct);
        foreach (var failure in validation.Errors) ModelState.AddModelError($"Input.{failure.PropertyName}", failure.ErrorMessage);
        if (validation.IsValid)
        {
            var result = await mediator.Send(new ScheduleSession.Command(request, userId, organizerId.Value), ct);
            if (result.IsSuccess)
            {
                ScheduledTitle = result.Value!.Title;
                return RedirectToPage();
            }
            ModelState.AddModelError("", errors.Describe(result.Error!, ScheduleSession.Limits));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Employers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Employer).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        var organizerId = User.OrganizationIdOf();
        Fairs = await db.Fairs.AsNoTracking().Where(f => f.OrganizerId == organizerId).OrderBy(f => f.StartsAt)
            .Select(f => new SelectListItem(f.Title, f.Id.ToString())).ToListAsync(ct);
        Upcoming = await mediator.Send(new ListSessions.Query(), ct);
    }
}

using FluentValidation;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Booths;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using LiveHire.Core.Domain;

namespace LiveHire.Web.Pages.Studio;

/// <summary>Recruiters (folder policy) apply for their employer's booth in a fair and book or cancel its slots.</summary>
public sealed class BoothsModel(IMediator mediator, IStringLocalizer<ErrorsResource> errors, IValidator<BookSlot.Command> validator) : PageModel
{
    public IReadOnlyList<MyFairBooth> Fairs { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationIdOf() is not { } employerId) return Forbid();
        Fairs = await mediator.Send(new ListMyBooths.Query(employerId), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid fairId, CancellationToken ct)
    {
        if (User.UserId() is not { } userId || User.OrganizationIdOf() is not { } employerId) return Forbid();
        var result = await mediator.Send(new ApplyForBooth.Command(fairId, employerId, userId), ct);
        return Done(result.Error);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid fairId, CancellationToken ct)
    {
        if (User.OrganizationIdOf() is not { } employerId) return Forbid();
        var result = await mediator.Send(new WithdrawBooth.Command(fairId, employerId), ct);
        return Done(result.Error);
    }

    /// <param name="start">Beijing wall-clock time from the form's datetime-local input.</param>
    public async Task<IActionResult> OnPostBookAsync(Guid fairId, string? title, DateTime start, int minutes, CancellationToken ct)
    {
        if (User.UserId() is not { } userId || User.OrganizationIdOf() is not { } employerId) return Forbid();
        // A start that did not bind is missing, not the year 1 (which has no Beijing time).
        if (!ModelState.IsValid) return Done(Error.Validation("value.missing", "A required field is empty."));
        var from = BeijingTime.FromLocal(start);
        var command = new BookSlot.Command(fairId, employerId, userId, new BookSlot.Request(title ?? "", from, from.AddMinutes(minutes)));
        var invalid = (await validator.ValidateAsync(command, ct)).Errors.FirstOrDefault();
        if (invalid is not null) return Done(new Error(invalid.ErrorCode, invalid.ErrorMessage));
        var result = await mediator.Send(command, ct);
        return Done(result.Error);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid fairId, Guid sessionId, CancellationToken ct)
    {
        if (User.OrganizationIdOf() is not { } employerId) return Forbid();
        var result = await mediator.Send(new CancelSlot.Command(fairId, sessionId, employerId), ct);
        return Done(result.Error);
    }

    private RedirectToPageResult Done(Error? error)
    {
        Notice = error is null ? null : errors.Describe(error, ScheduleSession.Limits);
        return RedirectToPage();
    }
}

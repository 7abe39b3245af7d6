using FluentValidation;
using LiveHire.Web.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Account;

/// <summary>Email sign-up for candidates; a successful sign-up signs the person in.</summary>
public sealed class RegisterModel(IMediator mediator, IValidator<RegisterWithEmail.Command> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new RegisterWithEmail.Command(DisplayName, Email, Password);
        // Checked here as well as in the pipeline, so that a page shows the problems instead of a 400 response.
        var valid = await validator.ValidateAsync(command, cancellationToken);
        if (!valid.IsValid)
        {
            foreach (var failure in valid.Errors) ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
            return Page();
        }
        var result = await mediator.Send(command, cancellationToken);
        if (result.IsSuccess)
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.Error!.Message);
        return Page();
    }
}

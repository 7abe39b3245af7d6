using FluentValidation;
using LiveHire.Core.Domain;
using LiveHire.Web.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Pages.Account;

/// <summary>
/// Two ways in: email and password, or a texted code (which also signs a new number up). The code form shows only
/// after a code was asked for, so that Enter in each form does what that step means.
/// </summary>
public sealed class LoginModel(SignInManager<User> signIn, IMediator mediator, IValidator<SignInWithPhoneCode.Command> phoneValidator,
    IStringLocalizer<AccountResource> l) : PageModel
{
    public const string PasswordTab = "password";
    public const string PhoneTab = "phone";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>Set once a code was sent (or was sent a moment ago): the page then asks for the code.</summary>
    public string? CodePhone { get; private set; }
    public string? Notice { get; private set; }

    public bool IsPhoneTab => Tab == PhoneTab;

    public void OnGet() { }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        Tab = PasswordTab;
        // Only emails: phone accounts have no password, and wrong tries by number would lock their owners out of SMS sign-in.
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@'))
            return Fail(l["Error.EmailInvalid"]);
        if (string.IsNullOrEmpty(Password))
            return Fail(l["Error.PasswordRequired"]);

        // Email accounts have the email as their user name; Identity compares user names case-insensitively.
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        return Fail(l[result.IsLockedOut ? "Error.LockedOut" : result.IsNotAllowed ? "Error.AccountLocked" : "Error.SignInFailed"]);
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken cancellationToken)
    {
        Tab = PhoneTab;
        var sent = await mediator.Send(new SendPhoneCode.Command(Phone), cancellationToken);
        if (sent.IsSuccess)
        {
            CodePhone = sent.Value!.PhoneNumber;
            Notice = l["Phone.CodeSent", Spaced(CodePhone)];
            return Page();
        }
        // Refused as too soon: the code sent a moment ago still works, so the page asks for it.
        if (sent.Error!.Code == "rate_limited") CodePhone = MainlandMobile.Normalize(Phone);
        return Fail(sent.Error.Message);
    }

    public async Task<IActionResult> OnPostPhoneAsync(CancellationToken cancellationToken)
    {
        Tab = PhoneTab;
        CodePhone = MainlandMobile.Normalize(Phone);
        var command = new SignInWithPhoneCode.Command(Phone, Code, DisplayName);
        var valid = await phoneValidator.ValidateAsync(command, cancellationToken);
        if (!valid.IsValid)
        {
            foreach (var failure in valid.Errors) ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
            return Page();
        }
        var result = await mediator.Send(command, cancellationToken);
        return result.IsSuccess ? LocalRedirect(SafeReturnUrl) : Fail(result.Error!.Message);
    }

    public string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>"13800138000" as "138 0013 8000", the way people read numbers back.</summary>
    public static string Spaced(string phone) => phone.Length == MainlandMobile.Length ? $"{phone[..3]} {phone[3..7]} {phone[7..]}" : phone;

    private PageResult Fail(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}

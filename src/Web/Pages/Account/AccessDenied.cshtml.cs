using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in person who lacks the role a page needs.</summary>
public sealed class AccessDeniedModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages.Me;

/// <summary>
/// 我的: a person's own pages (schedule, applications, recommendations, profile for candidates; settings and notifications for
/// everyone) and signing out, as one list of big links. On a phone the top bar shows only the main links, the bell and 我的.
/// Anyone signed in, for themselves.
/// </summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}

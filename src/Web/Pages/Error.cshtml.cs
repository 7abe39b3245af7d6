using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiveHire.Web.Pages;

/// <summary>
/// Where a page request that failed ends up (re-executed by UseExceptionHandler with the request's own method, so a failed
/// form post arrives here as a POST). A request the app could not read (4xx, e.g. a form whose page sat open until its
/// antiforgery token went stale) is told to reload and try again; an address that leads nowhere (404, re-executed here by the
/// status code pages) says so with a way home; anything else, that it went wrong on our side.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    public bool SendersMistake => HttpContext.Response.StatusCode is >= 400 and < 500;

    /// <summary>An address that leads nowhere (re-executed here by the status code pages): an old link or a typo.</summary>
    public bool IsNotFound => HttpContext.Response.StatusCode == StatusCodes.Status404NotFound;
}

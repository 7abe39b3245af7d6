using System.Security.Cryptography;
using LiveHire.Core.Identity;

namespace LiveHire.Web.Infrastructure;

public static class AnonymousViewerCookie
{
    /// <summary>Gives every browser an opaque id (no personal data) the first time it loads a page.</summary>
    public static void UseAnonymousViewerCookie(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Cookies.ContainsKey(AnonymousViewer.CookieName)
            && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health"))
        {
            context.Response.Cookies.Append(AnonymousViewer.CookieName, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        }
        await next();
    });
}

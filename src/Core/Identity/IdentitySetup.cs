using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.Core.Identity;

/// <summary>Authorization policy names shared by pages, API endpoints and hubs.</summary>
public static class Policies
{
    public const string Candidate = "candidate";
    public const string Recruiter = "recruiter";
    public const string Organizer = "organizer";
    public const string Admin = "admin";
}

public static class IdentitySetup
{
    public const string CookieName = ".LiveHire.Auth";

    /// <summary>
    /// Identity with one cookie that Web pages, the HTTP API and the Realtime hubs all accept. The data-protection
    /// key ring lives in the database, so separate Web and Realtime processes read each other's cookies.
    /// </summary>
    public static IServiceCollection AddLiveHireIdentity(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("LiveHire")
            .PersistKeysToDbContext<LiveHireDbContext>();

        services.AddIdentity<User, Role>(o =>
            {
                o.User.RequireUniqueEmail = false; // phone-only accounts have no email
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<LiveHireDbContext>()
            .AddClaimsPrincipalFactory<LiveHireClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // API and hub callers are programs: they get status codes, never a redirect to a sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Candidate, p => p.RequireRole(Roles.Candidate))
            .AddPolicy(Policies.Recruiter, p => p.RequireRole(Roles.Recruiter))
            .AddPolicy(Policies.Organizer, p => p.RequireRole(Roles.Organizer))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/ingest"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

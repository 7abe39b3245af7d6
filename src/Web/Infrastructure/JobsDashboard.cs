using Hangfire;
using LiveHire.Core.Identity;

namespace LiveHire.Web.Infrastructure;

public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    /// <summary>The Hangfire dashboard, for admins only (the cookie's role, checked by the admin policy).</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, Path, new DashboardOptions
        {
            DashboardTitle = "LiveHire jobs",
            AppPath = "/",
            // The policy already authorizes; Hangfire's default local-only filter would lock out remote admins.
            Authorization = [],
        });
}

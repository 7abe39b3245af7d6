using System.Security.Claims;
using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LiveHire.Core.Identity;

/// <summary>Claims LiveHire adds to the sign-in cookie so that hubs and endpoints authorize without a database read.</summary>
public static class LiveHireClaims
{
    public const string OrganizationId = "livehire:org";
    public const string DisplayName = "livehire:name";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganizationIdOf(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";

    /// <summary>True for a recruiter who belongs to <paramref name="employerId"/>.</summary>
    public static bool IsRecruiterOf(this ClaimsPrincipal principal, Guid employerId) =>
        principal.IsInRole(Roles.Recruiter) && principal.OrganizationIdOf() == employerId;
}

internal sealed class LiveHireClaimsPrincipalFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LiveHireClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } org)
            identity.AddClaim(new Claim(LiveHireClaims.OrganizationId, org.ToString()));
        return identity;
    }
}

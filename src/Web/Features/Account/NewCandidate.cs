using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Account;

/// <summary>Self sign-up always makes a candidate: recruiters and organizers are created by admins, never by themselves.</summary>
internal static class NewCandidate
{
    /// <summary>Creates the user with the Candidate role. The caller owns the transaction, so a failure leaves no half-made account.</summary>
    public static async Task<Result<User>> CreateAsync(UserManager<User> users, RoleManager<Role> roles, User user, string? password,
        IStringLocalizer<AccountResource> l)
    {
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Error.Conflict("account_exists", l["Error.EmailTaken"])
                : Error.Validation("account", l["Error.CreateFailed", string.Join(" ", created.Errors.Select(e => e.Description))]);
        }

        // Roles are otherwise created only by the demo seed; a fresh installation must still accept its first candidate.
        if (!await roles.RoleExistsAsync(Roles.Candidate))
            await roles.CreateAsync(new Role(Roles.Candidate));
        var added = await users.AddToRoleAsync(user, Roles.Candidate);
        if (!added.Succeeded)
            throw new InvalidOperationException($"Adding the candidate role failed: {string.Join("; ", added.Errors.Select(e => e.Description))}");
        return user;
    }
}

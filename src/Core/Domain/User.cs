using Microsoft.AspNetCore.Identity;

namespace LiveHire.Core.Domain;

/// <summary>Role names. A person has exactly one.</summary>
public static class Roles
{
    public const string Candidate = nameof(Candidate);
    public const string Recruiter = nameof(Recruiter);
    public const string Organizer = nameof(Organizer);
    public const string Admin = nameof(Admin);
    public static readonly IReadOnlyList<string> All = [Candidate, Recruiter, Organizer, Admin];
}

public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 40;

    public string DisplayName { get; set; } = "";
    /// <summary>The employer a recruiter belongs to, or the organizer an organizer belongs to; null for candidates and admins.</summary>
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() { }
    public Role(string name) : base(name) { Id = Guid.CreateVersion7(); }
}

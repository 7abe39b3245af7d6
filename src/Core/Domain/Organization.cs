namespace LiveHire.Core.Domain;

public enum OrganizationKind { Employer = 1, Organizer = 2 }

/// <summary>An employer that recruits, or an organizer (district employment centre, campus) that runs fairs.</summary>
public sealed class Organization
{
    public const int NameMaxLength = 120;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public string District { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set when an organizer has verified the employer (business licence checked).</summary>
    public DateTimeOffset? VerifiedAt { get; private set; }

    private Organization() { }

    public static Organization Create(string name, OrganizationKind kind, string district, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > NameMaxLength) throw new ArgumentException($"Name is longer than {NameMaxLength} characters.", nameof(name));
        return new Organization { Id = Guid.CreateVersion7(now), Name = name.Trim(), Kind = kind, District = district.Trim(), CreatedAt = now };
    }

    public void MarkVerified(DateTimeOffset now) => VerifiedAt ??= now;
}

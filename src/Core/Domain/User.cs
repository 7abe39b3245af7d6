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

/// <summary>Where a person's messages go besides the notification centre, which always gets them.</summary>
[Flags]
public enum MessageChannels { None = 0, Sms = 1, Email = 2 }

public sealed class User : IdentityUser<Guid>
{
    /// <summary>What a person gets unless they choose otherwise: a text message, which every phone can read.</summary>
    public const MessageChannels DefaultChannels = MessageChannels.Sms;

    public const int DisplayNameMaxLength = 40;

    public string DisplayName { get; set; } = "";
    /// <summary>The employer a recruiter belongs to, or the organizer an organizer belongs to; null for candidates and admins.</summary>
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Reminders and notices also go by these channels (and only when the phone or e-mail is known).</summary>
    public MessageChannels Channels { get; private set; } = DefaultChannels;

    public Result ChooseChannels(MessageChannels channels)
    {
        if ((channels & ~(MessageChannels.Sms | MessageChannels.Email)) != 0)
            return Error.Validation("channels.unknown", "Only SMS and e-mail can be chosen.");
        if (channels.HasFlag(MessageChannels.Email) && string.IsNullOrWhiteSpace(Email))
            return Error.Validation("channels.email", "Add an e-mail address before choosing e-mail.");
        if (channels.HasFlag(MessageChannels.Sms) && string.IsNullOrWhiteSpace(PhoneNumber))
            return Error.Validation("channels.sms", "Add a mobile number before choosing SMS.");
        Channels = channels;
        return Result.Success();
    }

    public bool Wants(MessageChannels channel) => Channels.HasFlag(channel);
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() { }
    public Role(string name) : base(name) { Id = Guid.CreateVersion7(); }
}

namespace LiveHire.Core.Domain;

/// <summary>A person the host has banned from one session: they can still watch, but not ask, vote or apply there.</summary>
public sealed class SessionBan
{
    public Guid SessionId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid BannedById { get; private set; }
    public DateTimeOffset BannedAt { get; private set; }

    private SessionBan() { }

    public static SessionBan Create(Guid sessionId, Guid userId, Guid bannedById, DateTimeOffset now) =>
        new() { SessionId = sessionId, UserId = userId, BannedById = bannedById, BannedAt = now };
}

namespace LiveHire.Core.Domain;

public enum MessageChannel { Sms = 1, Email = 2 }

/// <summary>A message the development senders "sent": kept so that an admin can read it in the UI.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    public MessageChannel Channel { get; private set; }
    public string Recipient { get; private set; } = "";
    public string? Subject { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private OutboxMessage() { }

    public static OutboxMessage Create(MessageChannel channel, string recipient, string? subject, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Channel = channel, Recipient = recipient, Subject = subject, Body = body, CreatedAt = now,
    };
}

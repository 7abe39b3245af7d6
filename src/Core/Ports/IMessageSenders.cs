namespace LiveHire.Core.Ports;

/// <summary>Sends a text message to a mainland-China mobile number. Pluggable: the development sender writes to the outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default);
}

/// <summary>A file sent with an e-mail, such as the event's .ics.</summary>
public sealed record EmailAttachment(string FileName, string MediaType, string SubType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string TextBody, IReadOnlyList<EmailAttachment> Attachments);

/// <summary>Sends an e-mail. SMTP (MailKit) when <c>LiveHire:Smtp:Host</c> is set; otherwise the development sender writes to the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

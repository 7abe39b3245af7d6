namespace LiveHire.Core.Ports;

/// <summary>Sends a text message to a mainland-China mobile number. Pluggable: the development sender writes to the outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many texts as part of the caller's unit of work on the scope's <c>LiveHireDbContext</c>: a sender that writes to
    /// that database only adds its rows, which the caller's next SaveChanges commits with its own changes; a sender that
    /// cannot join that transaction (a gateway) sends them now. The caller must save afterwards.
    /// </summary>
    Task EnlistAsync(IReadOnlyCollection<SmsText> texts, CancellationToken cancellationToken = default);
}

public sealed record SmsText(string PhoneNumber, string Text);

/// <summary>A file sent with an e-mail, such as the event's .ics.</summary>
public sealed record EmailAttachment(string FileName, string MediaType, string SubType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string TextBody, IReadOnlyList<EmailAttachment> Attachments);

/// <summary>Sends an e-mail. SMTP (MailKit) when <c>LiveHire:Smtp:Host</c> is set; otherwise the development sender writes to the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many e-mails as part of the caller's unit of work, as <see cref="ISmsSender.EnlistAsync"/>: the outbox only adds
    /// its rows for the caller to save; SMTP cannot join a database transaction and sends them now, over one connection.
    /// </summary>
    Task EnlistAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken = default);
}

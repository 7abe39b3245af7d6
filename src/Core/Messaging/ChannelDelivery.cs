using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Messaging;

/// <summary>Where one person can be reached and how they chose to be (<see cref="User.Channels"/>).</summary>
public sealed record Recipient(Guid UserId, string? PhoneNumber, string? Email, MessageChannels Channels);

/// <summary>One message to one person, for <see cref="ChannelDelivery.EnlistAsync"/>.</summary>
public sealed record ChannelMessage(Recipient To, string Title, string Body, EmailAttachment? Attachment);

/// <summary>
/// Sends a message to one person by the channels they chose (<see cref="User.Channels"/>), each only when its address is
/// known. The notification centre is not a channel here: callers write it in their own transaction.
/// </summary>
public sealed class ChannelDelivery(LiveHireDbContext db, ISmsSender sms, IEmailSender email)
{
    public async Task<MessageChannels> SendAsync(Guid userId, string title, string body, EmailAttachment? attachment, CancellationToken ct)
    {
        var to = (await RecipientsAsync([userId], ct)).Values.Single();
        var (texts, mails) = Route([new ChannelMessage(to, title, body, attachment)]);
        foreach (var text in texts) await sms.SendAsync(text.PhoneNumber, text.Text, ct);
        foreach (var mail in mails) await email.SendAsync(mail, ct);
        return (texts.Count > 0 ? MessageChannels.Sms : MessageChannels.None) | (mails.Count > 0 ? MessageChannels.Email : MessageChannels.None);
    }

    /// <summary>The people's addresses and chosen channels, in one query.</summary>
    public async Task<Dictionary<Guid, Recipient>> RecipientsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.PhoneNumber, u.Email, u.Channels)).ToDictionaryAsync(r => r.UserId, ct);

    /// <summary>
    /// Sends many messages as part of the caller's unit of work (<see cref="ISmsSender.EnlistAsync"/>): the outbox senders
    /// only add their rows to this scope's context, so the caller's next SaveChanges commits them with its own changes;
    /// SMTP sends before that commit. The caller must save.
    /// </summary>
    public async Task EnlistAsync(IReadOnlyCollection<ChannelMessage> messages, CancellationToken ct)
    {
        var (texts, mails) = Route(messages);
        if (texts.Count > 0) await sms.EnlistAsync(texts, ct);
        if (mails.Count > 0) await email.EnlistAsync(mails, ct);
    }

    private static (List<SmsText> Texts, List<EmailMessage> Mails) Route(IEnumerable<ChannelMessage> messages)
    {
        var texts = new List<SmsText>();
        var mails = new List<EmailMessage>();
        foreach (var (to, title, body, attachment) in messages)
        {
            if (to.Channels.HasFlag(MessageChannels.Sms) && !string.IsNullOrEmpty(to.PhoneNumber))
                texts.Add(new SmsText(to.PhoneNumber, $"【LiveHire】{title}：{body}"));
            if (to.Channels.HasFlag(MessageChannels.Email) && !string.IsNullOrEmpty(to.Email))
                mails.Add(new EmailMessage(to.Email, title, body, attachment is null ? [] : [attachment]));
        }
        return (texts, mails);
    }
}

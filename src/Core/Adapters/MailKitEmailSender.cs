using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LiveHire.Core.Adapters;

/// <summary>Sends e-mail over SMTP with MailKit: a UTF-8 text body and each attachment as its own MIME part.</summary>
internal sealed class MailKitEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => EnlistAsync([message], cancellationToken);

    /// <summary>SMTP cannot wait for the caller's commit: the messages leave now, one after another over one connection.</summary>
    public async Task EnlistAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0) return;
        var smtp = options.Value;
        var from = MailboxAddress.Parse(smtp.From);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        foreach (var message in messages)
        {
            using var mime = Build(message, from);
            await client.SendAsync(mime, cancellationToken);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static MimeMessage Build(EmailMessage message, MailboxAddress from)
    {
        var body = new BodyBuilder { TextBody = message.TextBody };
        foreach (var a in message.Attachments)
        {
            var contentType = new ContentType(a.MediaType, a.SubType) { Charset = "utf-8" };
            // Calendar clients offer "add to calendar" for a PUBLISH calendar part.
            if (a.MediaType == "text" && a.SubType == "calendar") contentType.Parameters.Add("method", "PUBLISH");
            body.Attachments.Add(a.FileName, a.Content, contentType);
        }
        var mime = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody() };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}

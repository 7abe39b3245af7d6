using System.Text;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>Development e-mail sender: the message, with the names of its attachments, goes to the outbox an admin reads.</summary>
internal sealed class OutboxEmailSender(LiveHireDbContext db, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var body = new StringBuilder(message.TextBody);
        foreach (var a in message.Attachments) body.Append($"\n\n[{a.FileName} · {a.MediaType}/{a.SubType} · {a.Content.Length} B]");
        db.Outbox.Add(OutboxMessage.Create(MessageChannel.Email, message.To, message.Subject, body.ToString(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

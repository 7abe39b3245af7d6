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
        await EnlistAsync([message], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task EnlistAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            var body = new StringBuilder(message.TextBody);
            foreach (var a in message.Attachments) body.Append($"\n\n[{a.FileName} · {a.MediaType}/{a.SubType} · {a.Content.Length} B]");
            db.Outbox.Add(OutboxMessage.Create(MessageChannel.Email, message.To, message.Subject, body.ToString(), now));
        }
        return Task.CompletedTask;
    }
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>Development SMS sender: the message goes to the outbox table, where an admin reads it in the UI.</summary>
internal sealed class OutboxSmsSender(LiveHireDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default)
    {
        await EnlistAsync([new SmsText(phoneNumber, text)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task EnlistAsync(IReadOnlyCollection<SmsText> texts, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        db.Outbox.AddRange(texts.Select(t => OutboxMessage.Create(MessageChannel.Sms, t.PhoneNumber, null, t.Text, now)));
        return Task.CompletedTask;
    }
}

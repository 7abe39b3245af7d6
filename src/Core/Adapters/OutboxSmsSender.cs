using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>Development SMS sender: the message goes to the outbox table, where an admin reads it in the UI.</summary>
internal sealed class OutboxSmsSender(LiveHireDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default)
    {
        db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, phoneNumber, null, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

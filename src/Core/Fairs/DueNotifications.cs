using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Fairs;

/// <summary>How both dispatchers finish a claimed batch whose rows are already marked sent or cancelled in the context.</summary>
internal static class DueNotifications
{
    /// <summary>
    /// Channels first (outbox rows join the commit; SMTP leaves before it, so a crash before the commit may repeat an e-mail
    /// after the lease but never lose one), then the notifications not already there, the batch's marks (already in the
    /// context, or written by <paramref name="mark"/>) in one transaction, then the live pushes, all at once.
    /// </summary>
    public static async Task CommitAsync(LiveHireDbContext db, ChannelDelivery channels, ILiveNotifier live,
        IReadOnlyCollection<ChannelMessage> messages, IReadOnlyCollection<Notification> notifications, DateTimeOffset now,
        Func<Task>? mark, CancellationToken ct)
    {
        await channels.EnlistAsync(messages, ct);
        var ids = notifications.Select(n => n.Id).ToList();
        var existing = (await db.Notifications.Where(n => ids.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct)).ToHashSet();
        db.Notifications.AddRange(notifications.Where(n => !existing.Contains(n.Id)));
        if (mark is null) await db.SaveChangesAsync(ct);
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await mark();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await Task.WhenAll(notifications.Select(n =>
            live.PublishAsync(new NotificationAdded(n.UserId, n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, now), ct)));
    }
}

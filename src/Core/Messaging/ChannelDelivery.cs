using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Messaging;

/// <summary>
/// Sends a message to one person by the channels they chose (<see cref="User.Channels"/>), each only when its address is
/// known. The notification centre is not a channel here: callers write it in their own transaction.
/// </summary>
public sealed class ChannelDelivery(LiveHireDbContext db, ISmsSender sms, IEmailSender email)
{
    public async Task<MessageChannels> SendAsync(Guid userId, string title, string body, EmailAttachment? attachment, CancellationToken ct)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.PhoneNumber, u.Email, u.Channels }).FirstAsync(ct);
        var used = MessageChannels.None;
        if (to.Channels.HasFlag(MessageChannels.Sms) && !string.IsNullOrEmpty(to.PhoneNumber))
        {
            await sms.SendAsync(to.PhoneNumber, $"【LiveHire】{title}：{body}", ct);
            used |= MessageChannels.Sms;
        }
        if (to.Channels.HasFlag(MessageChannels.Email) && !string.IsNullOrEmpty(to.Email))
        {
            await email.SendAsync(new EmailMessage(to.Email, title, body, attachment is null ? [] : [attachment]), ct);
            used |= MessageChannels.Email;
        }
        return used;
    }
}

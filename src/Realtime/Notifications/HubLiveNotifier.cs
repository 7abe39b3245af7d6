using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Notifications;

/// <summary>Delivers a live event to the right clients through the typed hub context (and so the backplane).</summary>
public sealed class HubLiveNotifier(IHubContext<LiveHub, ILiveClient> hub) : ILiveNotifier
{
    public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default) => liveEvent switch
    {
        ApplicationReceived a => hub.Clients.Group(LiveGroups.Hosts(a.SessionId))
            .ApplicationReceived(new ApplicationView(a.ApplicationId, a.SessionId, a.JobId, a.JobTitle, a.CandidateName, a.HasResume, a.SubmittedAt)),
        NotificationAdded n => hub.Clients.User(n.UserId.ToString())
            .NotificationAdded(new NotificationView(n.NotificationId, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt)),
        // SignalR's per-user addressing (the user id claim), carried by the backplane like any group: every tab and phone
        // of that person, on whichever node, and nobody else.
        ApplicationStatusChanged c => hub.Clients.User(c.CandidateId.ToString())
            .ApplicationStatusChanged(new ApplicationStatusView(c.ApplicationId, c.JobId, c.JobTitle, c.EmployerName, c.Status, c.Reason, c.ChangedAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(liveEvent), liveEvent.GetType().Name, "No delivery for this live event."),
    };
}

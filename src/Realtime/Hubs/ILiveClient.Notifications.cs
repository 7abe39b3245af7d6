namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    /// <summary>Sent to every connection of one signed-in person (SignalR's user id is their account id).</summary>
    Task NotificationAdded(NotificationView notification);
}

public sealed record NotificationView(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt);

using System.Text.Json.Serialization;

namespace LiveHire.Core.Ports;

/// <summary>
/// Something Web or Workers tell live clients. Realtime turns each kind into a typed hub call to the right group;
/// the kinds are closed (one derived record each) so that the wire format is checked at compile time.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ApplicationReceived), "application-received")]
[JsonDerivedType(typeof(NotificationAdded), "notification-added")]
[JsonDerivedType(typeof(ApplicationStatusChanged), "application-status-changed")]
public abstract record LiveEvent;

/// <summary>A candidate applied to a job from a live session: the session's hosts see it arrive.</summary>
public sealed record ApplicationReceived(Guid SessionId, Guid ApplicationId, Guid JobId, string JobTitle, string CandidateName,
    bool HasResume, DateTimeOffset SubmittedAt) : LiveEvent;

/// <summary>A new message in one person's notification centre: every tab they have open shows it at once.</summary>
public sealed record NotificationAdded(Guid UserId, Guid NotificationId, string Kind, string Title, string Body, string? Link,
    DateTimeOffset CreatedAt) : LiveEvent;

/// <summary>An employer moved a candidate's application (or the candidate withdrew it): that candidate's own connections see it.</summary>
public sealed record ApplicationStatusChanged(Guid CandidateId, Guid ApplicationId, Guid JobId, string JobTitle, string EmployerName, string Status,
    string? Reason, DateTimeOffset ChangedAt) : LiveEvent;

/// <summary>
/// How Web and Workers push to live clients without touching hubs. Embedded mode: delivered in-process by Realtime.
/// Distributed mode: appended to a Redis stream that the Realtime nodes consume as one group, so each event is
/// delivered once (through the SignalR backplane) whichever node takes it.
/// </summary>
public interface ILiveNotifier
{
    Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default);
}

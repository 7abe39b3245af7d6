namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    /// <summary>To the candidate only: one of their applications changed status (my applications page, any room they watch).</summary>
    Task ApplicationStatusChanged(ApplicationStatusView change);
}

/// <param name="Reason">Told to the candidate on a rejection; null otherwise.</param>
public sealed record ApplicationStatusView(Guid ApplicationId, Guid JobId, string JobTitle, string EmployerName, string Status, string? Reason,
    DateTimeOffset ChangedAt);

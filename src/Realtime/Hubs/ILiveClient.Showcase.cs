namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    /// <summary>To the session's hosts: a candidate applied from the room.</summary>
    Task ApplicationReceived(ApplicationView application);
}

public sealed record ApplicationView(Guid ApplicationId, Guid SessionId, Guid JobId, string JobTitle, string CandidateName, bool HasResume, DateTimeOffset SubmittedAt);

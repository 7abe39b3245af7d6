namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    /// <summary>To the session's hosts: a candidate applied from the room.</summary>
    Task ApplicationReceived(ApplicationView application);

    /// <summary>To everyone in the session: the host changed the lineup or the job presented now.</summary>
    Task ShowcaseChanged(ShowcaseView showcase);
}

public sealed record ApplicationView(Guid ApplicationId, Guid SessionId, Guid JobId, string JobTitle, string CandidateName, bool HasResume, DateTimeOffset SubmittedAt);

/// <summary>A job as the room shows it: the card viewers read before they apply.</summary>
public sealed record JobCardView(Guid Id, string Title, decimal PayMin, decimal PayMax, string PayUnit, string Hours, string Type,
    string District, string Street, string Community, IReadOnlyList<string> Benefits, int Headcount, bool Verified);

/// <summary>The showcase (带岗): the job presented now (or none) and the lineup in the host's order.</summary>
public sealed record ShowcaseView(Guid SessionId, JobCardView? Current, IReadOnlyList<JobCardView> Lineup);

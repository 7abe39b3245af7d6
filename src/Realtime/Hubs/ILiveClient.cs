namespace LiveHire.Realtime.Hubs;

/// <summary>
/// Events the server sends to live-room clients. Names and payloads are documented in docs/realtime.md.
/// Partial: each area of the room (questions, showcase) declares its events in its own file.
/// </summary>
public partial interface ILiveClient
{
    Task PresenceChanged(PresenceView presence);
}

public sealed record PresenceView(Guid SessionId, long Viewers, long Peak);

/// <summary>For the host: who is watching now. <paramref name="People"/> is capped; the counts are complete.</summary>
public sealed record ViewersView(Guid SessionId, IReadOnlyList<ViewerView> People, int SignedInCandidates, int SignedInOthers, int Anonymous);

public sealed record ViewerView(Guid UserId, string Name, bool IsCandidate);

public sealed record SessionView(Guid Id, string Title, string EmployerName, string Status, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd);

/// <summary>Everything a viewer needs to draw the room, sent on join and again after every reconnect.</summary>
/// <param name="MyVotes">The questions this person has voted for (empty when anonymous).</param>
/// <param name="Showcase">The job being presented and the lineup.</param>
/// <param name="Video">The session's video state, so late joiners and reconnecting clients show the right thing.</param>
public sealed record RoomSnapshot(SessionView Session, IReadOnlyList<QuestionView> Questions, PresenceView Presence, bool IsHost, bool CanAsk,
    IReadOnlyList<Guid> MyVotes, ShowcaseView Showcase, VideoStateView Video);

/// <summary>A typed error from a hub method; the connection stays up.</summary>
public sealed record HubError(string Code, string Message);

/// <summary>What every hub method returns: a value, or a typed error.</summary>
public sealed record HubResult<T>(bool Ok, T? Value, HubError? Error)
{
    public static HubResult<T> Success(T value) => new(true, value, null);
    public static HubResult<T> Failure(string code, string message) => new(false, default, new HubError(code, message));
    public static HubResult<T> Failure(LiveHire.Core.Domain.Error error) => Failure(error.Code, error.Message);
}

namespace LiveHire.Core.Domain;

/// <summary>
/// A candidate's place at a fair, or at one live session of it. <see cref="Scope"/> is the session id or "fair", so one
/// unique index (candidate, fair, scope) holds on every provider: a double tap never registers twice.
/// </summary>
public sealed class FairRegistration
{
    public const string WholeFair = "fair";

    public Guid Id { get; private set; }
    public Guid FairId { get; private set; }
    public Fair? Fair { get; private set; }
    public Guid? SessionId { get; private set; }
    public LiveSession? Session { get; private set; }
    public string Scope { get; private set; } = WholeFair;
    public Guid CandidateId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private FairRegistration() { }

    public static FairRegistration Create(Guid candidateId, Guid fairId, Guid? sessionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CandidateId = candidateId, FairId = fairId, SessionId = sessionId,
        Scope = sessionId?.ToString("N") ?? WholeFair, CreatedAt = now,
    };
}

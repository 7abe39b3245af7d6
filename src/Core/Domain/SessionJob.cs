namespace LiveHire.Core.Domain;

/// <summary>One job in a session's lineup (带岗), at a position the host chose.</summary>
public sealed class SessionJob
{
    public Guid SessionId { get; private set; }
    public Guid JobId { get; private set; }
    public Job? Job { get; private set; }
    public int Position { get; internal set; }

    private SessionJob() { }

    internal SessionJob(Guid sessionId, Guid jobId, int position)
    {
        SessionId = sessionId;
        JobId = jobId;
        Position = position;
    }
}

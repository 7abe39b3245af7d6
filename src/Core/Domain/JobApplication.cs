namespace LiveHire.Core.Domain;

public enum ApplicationStatus { Submitted = 1, Viewed = 2, Shortlisted = 3, Interview = 4, Offer = 5, Hired = 6, Rejected = 7, Withdrawn = 8 }

/// <summary>A candidate's application to a job; at most one per candidate and job (unique index).</summary>
public sealed class JobApplication
{
    public Guid Id { get; private set; }
    public Guid JobId { get; private set; }
    public Job? Job { get; private set; }
    public Guid CandidateId { get; private set; }
    public User? Candidate { get; private set; }
    public Guid? ResumeId { get; private set; }
    public Resume? Resume { get; private set; }
    /// <summary>The live session the application came from, for the organizer's statistics.</summary>
    public Guid? SessionId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private JobApplication() { }

    public static JobApplication Submit(Guid jobId, Guid candidateId, Guid? resumeId, Guid? sessionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), JobId = jobId, CandidateId = candidateId, ResumeId = resumeId, SessionId = sessionId,
        Status = ApplicationStatus.Submitted, CreatedAt = now, UpdatedAt = now,
    };
}

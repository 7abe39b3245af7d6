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
    /// <summary>Why it was rejected or withdrawn (told to the candidate on a rejection); null otherwise.</summary>
    public string? StatusReason { get; private set; }

    public const int ReasonMaxLength = 300;

    public bool IsFinal => Status is ApplicationStatus.Hired or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    private JobApplication() { }

    public static JobApplication Submit(Guid jobId, Guid candidateId, Guid? resumeId, Guid? sessionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), JobId = jobId, CandidateId = candidateId, ResumeId = resumeId, SessionId = sessionId,
        Status = ApplicationStatus.Submitted, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>
    /// A recruiter moves the application along the pipeline Submitted → Viewed → Shortlisted → Interview → Offer → Hired.
    /// Steps may be skipped forward (a good candidate goes straight to interview) but never back; Hired needs an offer
    /// first; a rejection needs a reason the candidate is told. Withdrawing is the candidate's, through <see cref="Withdraw"/>.
    /// </summary>
    public Result MoveTo(ApplicationStatus to, string? reason, DateTimeOffset now)
    {
        if (IsFinal) return Error.Conflict("application.final", $"The application is already {Status}.");
        if (to == ApplicationStatus.Withdrawn) return Error.Forbidden("Only the candidate withdraws an application.");
        if (to == ApplicationStatus.Rejected)
        {
            if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("application.reason", "A rejection needs a reason for the candidate.");
            return Set(to, reason, now);
        }
        if (to <= Status) return Error.Conflict("application.backwards", $"The application is already {Status}; it cannot move to {to}.");
        if (to == ApplicationStatus.Hired && Status != ApplicationStatus.Offer) return Error.Conflict("application.no_offer", "Hire after making an offer.");
        return Set(to, null, now);
    }

    /// <summary>A recruiter opened it: a new application becomes Viewed; any other state is left alone.</summary>
    public bool MarkViewed(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Submitted) return false;
        Set(ApplicationStatus.Viewed, null, now);
        return true;
    }

    /// <summary>The candidate takes the application back, at any point before it ended; a reason is optional.</summary>
    public Result Withdraw(string? reason, DateTimeOffset now) =>
        IsFinal ? Error.Conflict("application.final", $"The application is already {Status}.") : Set(ApplicationStatus.Withdrawn, reason, now);

    private Result Set(ApplicationStatus to, string? reason, DateTimeOffset now)
    {
        reason = reason?.Trim();
        if (reason is { Length: > ReasonMaxLength })
            return Error.Validation("application.reason_too_long", $"A reason is at most {ReasonMaxLength} characters.");
        Status = to;
        StatusReason = string.IsNullOrEmpty(reason) ? null : reason;
        UpdatedAt = now;
        return Result.Success();
    }
}

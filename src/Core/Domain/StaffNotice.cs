namespace LiveHire.Core.Domain;

public enum StaffNoticeKind { GoLive = 1, MorningDigest = 2 }

/// <summary>
/// A message owed to staff, kept as a row before it is due (the job store only triggers its dispatch): a session's
/// recruiters are told to go live (<see cref="SubjectId"/> = the session), an organizer gets the morning digest of a day
/// (<see cref="SubjectId"/> = the organizer). Unique by (kind, subject, local date), so two Workers plan and send it once.
/// </summary>
public sealed class StaffNotice : IDueRow
{
    public Guid Id { get; private set; }
    public StaffNoticeKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The local date (in the fair's time zone) it belongs to.</summary>
    public DateOnly OnDate { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ReminderStatus Status { get; private set; } = ReminderStatus.Pending;
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private StaffNotice() { }

    public static StaffNotice Plan(StaffNoticeKind kind, Guid subjectId, DateOnly onDate, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Kind = kind, SubjectId = subjectId, OnDate = onDate, DueAt = dueAt.ToUniversalTime(), CreatedAt = now,
    };

    /// <summary>Its session moved within the same day: it is owed at the new time.</summary>
    public void Reschedule(DateTimeOffset dueAt)
    {
        // Unmoved, it is left alone: clearing the claim of a dispatcher sending it right now would let a second one send it too.
        if (Status != ReminderStatus.Pending || DueAt == dueAt.ToUniversalTime()) return;
        DueAt = dueAt.ToUniversalTime();
        ClaimToken = null;
        ClaimedUntil = null;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = ReminderStatus.Sent;
        SentAt = now;
    }

    /// <summary>Nothing left to tell (the session was cancelled or already started, the day has no sessions, or it is over).</summary>
    public void Cancel() => Status = ReminderStatus.Cancelled;
}

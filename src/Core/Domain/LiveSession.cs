namespace LiveHire.Core.Domain;

public enum LiveSessionStatus { Scheduled = 1, Live = 2, Ended = 3, Cancelled = 4 }

/// <summary>One employer's live-stream recruitment session (直播带岗), usually inside a fair.</summary>
public sealed class LiveSession
{
    public const int TitleMaxLength = 120;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public Organization? Employer { get; private set; }
    public Guid? FairId { get; private set; }
    public Fair? Fair { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset ScheduledStart { get; private set; }
    public DateTimeOffset ScheduledEnd { get; private set; }
    public LiveSessionStatus Status { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public Guid ScheduledById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private LiveSession() { }

    public static Result<LiveSession> Schedule(Guid employerId, Guid? fairId, string title, DateTimeOffset start, DateTimeOffset end,
        Guid scheduledById, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            return Error.Validation("session.title", $"A session title is 1 to {TitleMaxLength} characters.");
        if (end <= start)
            return Error.Validation("session.time", "A session must end after it starts.");
        if (end - start > MaxDuration)
            return Error.Validation("session.duration", $"A session lasts at most {MaxDuration.TotalHours:0} hours.");
        if (end <= now)
            return Error.Validation("session.past", "A session cannot be scheduled in the past.");
        return new LiveSession
        {
            Id = Guid.CreateVersion7(now), EmployerId = employerId, FairId = fairId, Title = title.Trim(),
            ScheduledStart = start.ToUniversalTime(), ScheduledEnd = end.ToUniversalTime(), Status = LiveSessionStatus.Scheduled,
            ScheduledById = scheduledById, CreatedAt = now,
        };
    }

    public Result GoLive(DateTimeOffset now)
    {
        if (Status == LiveSessionStatus.Live) return Result.Success();
        if (Status != LiveSessionStatus.Scheduled)
            return Error.Conflict("session.not_scheduled", "Only a scheduled session can go live.");
        Status = LiveSessionStatus.Live;
        StartedAt = now;
        return Result.Success();
    }

    public Result End(DateTimeOffset now)
    {
        if (Status == LiveSessionStatus.Ended) return Result.Success();
        if (Status != LiveSessionStatus.Live)
            return Error.Conflict("session.not_live", "Only a live session can end.");
        Status = LiveSessionStatus.Ended;
        EndedAt = now;
        return Result.Success();
    }

    public Result Cancel()
    {
        if (Status != LiveSessionStatus.Scheduled)
            return Error.Conflict("session.not_scheduled", "Only a session that has not started can be cancelled.");
        Status = LiveSessionStatus.Cancelled;
        return Result.Success();
    }

    /// <summary>Viewers may ask while the session is open: scheduled (warm-up questions) or live.</summary>
    public bool AcceptsQuestions => Status is LiveSessionStatus.Scheduled or LiveSessionStatus.Live;
}

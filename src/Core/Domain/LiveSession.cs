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

    /// <summary>When on, new questions wait for a moderator before viewers see them.</summary>
    public bool PreModeration { get; private set; }
    /// <summary>Slow mode: a person may ask at most one question per this many seconds; 0 means the default limit.</summary>
    public int SlowModeSeconds { get; private set; }
    /// <summary>The job the host is presenting now (带岗), one of the lineup; null between jobs.</summary>
    public Guid? CurrentJobId { get; private set; }

    public const int MaxLineup = 30;
    public const int MaxSlowModeSeconds = 600;
    private readonly List<SessionJob> lineup = [];
    public IReadOnlyList<SessionJob> Lineup => lineup;

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

    /// <summary>Moves a scheduled session by <paramref name="delta"/>, as when its fair is moved.</summary>
    public Result Shift(TimeSpan delta, DateTimeOffset now)
    {
        if (Status != LiveSessionStatus.Scheduled)
            return Error.Conflict("session.not_scheduled", "Only a session that has not started can be moved.");
        if (ScheduledEnd + delta <= now)
            return Error.Validation("session.past", "A session cannot be moved into the past.");
        ScheduledStart += delta;
        ScheduledEnd += delta;
        return Result.Success();
    }

    public Result ConfigureModeration(bool preModeration, int slowModeSeconds)
    {
        if (slowModeSeconds is < 0 or > MaxSlowModeSeconds)
            return Error.Validation("session.slow_mode", $"Slow mode is 0 to {MaxSlowModeSeconds} seconds.");
        PreModeration = preModeration;
        SlowModeSeconds = slowModeSeconds;
        return Result.Success();
    }

    /// <summary>
    /// Replaces the lineup with <paramref name="jobIds"/> in that order. The caller passes only jobs of this session's
    /// employer. A presented job that leaves the lineup stops being presented.
    /// </summary>
    public Result SetLineup(IReadOnlyList<Guid> jobIds)
    {
        if (jobIds.Count > MaxLineup) return Error.Validation("session.lineup_size", $"A lineup holds at most {MaxLineup} jobs.");
        if (jobIds.Distinct().Count() != jobIds.Count) return Error.Validation("session.lineup_duplicate", "A job appears in the lineup twice.");
        if (Status is LiveSessionStatus.Ended or LiveSessionStatus.Cancelled)
            return Error.Conflict("session.closed", "The session is over.");
        lineup.RemoveAll(j => !jobIds.Contains(j.JobId));
        for (var i = 0; i < jobIds.Count; i++)
        {
            var existing = lineup.Find(j => j.JobId == jobIds[i]);
            if (existing is null) lineup.Add(new SessionJob(Id, jobIds[i], i));
            else existing.Position = i;
        }
        if (CurrentJobId is { } current && !jobIds.Contains(current)) CurrentJobId = null;
        return Result.Success();
    }

    /// <summary>Shows one lineup job to viewers as the current job card, or none (null).</summary>
    public Result Present(Guid? jobId)
    {
        if (Status is LiveSessionStatus.Ended or LiveSessionStatus.Cancelled)
            return Error.Conflict("session.closed", "The session is over.");
        if (jobId is { } id && lineup.TrueForAll(j => j.JobId != id))
            return Error.Validation("session.not_in_lineup", "Only a job in the lineup can be presented.");
        CurrentJobId = jobId;
        return Result.Success();
    }

    /// <summary>Viewers may ask while the session is open: scheduled (warm-up questions) or live.</summary>
    public bool AcceptsQuestions => Status is LiveSessionStatus.Scheduled or LiveSessionStatus.Live;

    public AskRules AskRules => new(Id, AcceptsQuestions, PreModeration);
}

namespace LiveHire.Core.Domain;

public enum RecordingState { Requested = 1, Archiving = 2, Ready = 3, Failed = 4, Deleted = 5 }

/// <summary>
/// A session's replay: one per session (unique index), from the request when its live video ended to an MP4 in blob
/// storage. The row is the fact; a Workers job only acts on it. See docs/adr/0004-video-path.md.
/// </summary>
public sealed class Recording
{
    public const int ReasonMaxLength = 500;
    /// <summary>After this many failed attempts a recording stays Failed until someone looks at it.</summary>
    public const int MaxAttempts = 8;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public RecordingState State { get; private set; }
    /// <summary>The MP4's blob key once Ready.</summary>
    public string? BlobKey { get; private set; }
    public TimeSpan? Duration { get; private set; }
    public long? SizeBytes { get; private set; }
    /// <summary>The host hid it: nobody else may play it.</summary>
    public bool Hidden { get; private set; }
    public int Attempts { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>While Archiving: until when the worker that claimed it holds it; after that another worker may take over.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: two workers claiming the same row cannot both win.</summary>
    public int Version { get; private set; }

    private Recording() { }

    public static Recording Request(Guid sessionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SessionId = sessionId, State = RecordingState.Requested, RequestedAt = now, UpdatedAt = now,
    };

    public static string Mp4KeyFor(Guid sessionId) => $"recordings/{sessionId:N}.mp4";

    /// <summary>Whether a worker may start (or take over) archiving now.</summary>
    public bool CanStartArchiving(DateTimeOffset now) => State switch
    {
        RecordingState.Requested => true,
        // Back-off: 1, 2, 4 ... minutes after each failure, so a playlist that is not finished yet is not hammered.
        RecordingState.Failed => Attempts < MaxAttempts && now >= UpdatedAt + TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1)),
        RecordingState.Archiving => LeaseUntil is null || LeaseUntil <= now, // its worker died or hung
        _ => false,
    };

    public Result StartArchiving(DateTimeOffset now, TimeSpan lease)
    {
        if (!CanStartArchiving(now))
            return Error.Conflict("recording.not_archivable", $"A recording that is {State} (lease until {LeaseUntil:O}) cannot start archiving.");
        State = RecordingState.Archiving;
        Attempts++;
        LeaseUntil = now + lease;
        Touch(now);
        return Result.Success();
    }

    public Result MarkReady(string blobKey, TimeSpan duration, long sizeBytes, DateTimeOffset now)
    {
        if (State != RecordingState.Archiving)
            return Error.Conflict("recording.not_archiving", "Only a recording being archived can become ready.");
        if (string.IsNullOrWhiteSpace(blobKey) || duration <= TimeSpan.Zero || sizeBytes <= 0)
            return Error.Validation("recording.empty", "A ready recording has a file, a positive duration and a positive size.");
        State = RecordingState.Ready;
        BlobKey = blobKey;
        Duration = duration;
        SizeBytes = sizeBytes;
        FailureReason = null;
        LeaseUntil = null;
        ArchivedAt = now;
        Touch(now);
        return Result.Success();
    }

    public Result Fail(string reason, DateTimeOffset now)
    {
        if (State != RecordingState.Archiving)
            return Error.Conflict("recording.not_archiving", "Only a recording being archived can fail.");
        State = RecordingState.Failed;
        FailureReason = string.IsNullOrWhiteSpace(reason) ? "unknown" : reason.Trim()[..Math.Min(reason.Trim().Length, ReasonMaxLength)];
        LeaseUntil = null;
        Touch(now);
        return Result.Success();
    }

    public Result SetHidden(bool hidden, DateTimeOffset now)
    {
        if (State == RecordingState.Deleted) return Error.Conflict("recording.deleted", "The recording has been deleted.");
        Hidden = hidden;
        Touch(now);
        return Result.Success();
    }

    /// <summary>Retention removed its files; the row stays so the session shows that its replay expired.</summary>
    public Result MarkDeleted(DateTimeOffset now)
    {
        if (State == RecordingState.Archiving && LeaseUntil > now)
            return Error.Conflict("recording.archiving", "A recording being archived cannot be deleted.");
        State = RecordingState.Deleted;
        BlobKey = null;
        LeaseUntil = null;
        DeletedAt = now;
        Touch(now);
        return Result.Success();
    }

    /// <summary>Whether someone may know of it at all: a hidden recording is visible only to its hosts.</summary>
    public bool IsVisibleTo(bool isHost) => !Hidden || isHost;

    public bool IsPlayableBy(bool isHost) => State == RecordingState.Ready && BlobKey is not null && IsVisibleTo(isHost);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

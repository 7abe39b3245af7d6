namespace LiveHire.Core.Domain;

public enum FairStatus { Scheduled = 1, Cancelled = 2 }

/// <summary>
/// A job fair run by an organizer: one timetable on which many employers' live sessions sit. An edition of a
/// <see cref="FairSeries"/> carries the series and its occurrence date, which stays its key when the edition is moved.
/// </summary>
public sealed class Fair
{
    public const int TitleMaxLength = 120;
    public const string DefaultTimeZone = "Asia/Shanghai";

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Organization? Organizer { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string District { get; private set; } = "";
    public string TimeZoneId { get; private set; } = DefaultTimeZone;
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? SeriesId { get; private set; }
    public FairSeries? Series { get; private set; }
    public DateOnly? OccurrenceDate { get; private set; }
    public FairStatus Status { get; private set; } = FairStatus.Scheduled;
    public DateTimeOffset? CancelledAt { get; private set; }

    public const int DefaultBoothCapacity = 20;
    public const int MaxBoothCapacity = 500;
    public const int MaxStages = 20;
    public static readonly int[] SlotLengths = [10, 15, 20, 30, 60];
    /// <summary>Most employers' booths the organizer approves for this fair.</summary>
    public int BoothCapacity { get; private set; } = DefaultBoothCapacity;
    /// <summary>Most sessions on air at once: each stage carries one live session at a time.</summary>
    public int Stages { get; private set; } = 1;
    /// <summary>The timetable's grid: slots start on it (counted from the fair's start) and last a whole number of it.</summary>
    public int SlotMinutes { get; private set; } = 30;
    /// <summary>
    /// Raised by every change that uses up room on the timetable (a slot booked, a booth approved). It is the fair row's
    /// concurrency token, so of two such changes decided on the same reading only the first is saved (ADR 0009).
    /// </summary>
    public int TimetableVersion { get; private set; }

    private Fair() { }

    public static Fair Edition(FairSeries series, Occurrence occurrence, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OrganizerId = series.OrganizerId, Title = series.Title, Description = series.Description,
        District = string.Join("、", series.Districts), TimeZoneId = series.TimeZoneId, StartsAt = occurrence.StartsAt.ToUniversalTime(),
        EndsAt = (occurrence.StartsAt + series.Duration).ToUniversalTime(), CreatedAt = now, SeriesId = series.Id,
        OccurrenceDate = occurrence.Date,
    };

    public Result Cancel(DateTimeOffset now)
    {
        if (Status == FairStatus.Cancelled) return Result.Success();
        if (EndsAt <= now) return Error.Conflict("fair.over", "A fair that is over cannot be cancelled.");
        Status = FairStatus.Cancelled;
        CancelledAt = now;
        return Result.Success();
    }

    /// <summary>Moves the fair to a new time, keeping its length unless <paramref name="endsAt"/> says otherwise.</summary>
    public Result Move(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (Status == FairStatus.Cancelled) return Error.Conflict("fair.cancelled", "A cancelled fair cannot be moved.");
        if (EndsAt <= now) return Error.Conflict("fair.over", "A fair that is over cannot be moved.");
        if (endsAt <= startsAt) return Error.Validation("fair.time", "A fair must end after it starts.");
        if (startsAt <= now) return Error.Validation("fair.past", "A fair cannot be moved into the past.");
        if (endsAt - startsAt > Recurrence.MaxDuration)
            return Error.Validation("fair.duration", $"A fair lasts at most {Recurrence.MaxDuration.TotalHours:0} hours.");
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        return Result.Success();
    }

    public void TouchTimetable() => TimetableVersion++;

    /// <param name="approvedBooths">Booths approved so far.</param>
    /// <param name="peakSessions">The most of the fair's sessions on air at one instant now.</param>
    public Result SetTimetable(int boothCapacity, int stages, int slotMinutes, int approvedBooths, int peakSessions)
    {
        if (boothCapacity is < 1 or > MaxBoothCapacity) return Error.Validation("fair.capacity", $"A fair has 1 to {MaxBoothCapacity} booths.");
        if (stages is < 1 or > MaxStages) return Error.Validation("fair.stages", $"A fair has 1 to {MaxStages} stages.");
        if (!SlotLengths.Contains(slotMinutes))
            return Error.Validation("fair.slot_minutes", $"A slot is one of {string.Join(", ", SlotLengths)} minutes.");
        if (boothCapacity < approvedBooths)
            return Error.Conflict("fair.capacity_below_approved", $"{approvedBooths} booths are approved already.");
        if (stages < peakSessions)
            return Error.Conflict("fair.stages_below_booked", $"{peakSessions} sessions are booked at the same time already.");
        if (slotMinutes != SlotMinutes && peakSessions > 0)
            return Error.Conflict("fair.grid_in_use", "The slot length cannot change once slots are booked.");
        (BoothCapacity, Stages, SlotMinutes) = (boothCapacity, stages, slotMinutes);
        TouchTimetable();
        return Result.Success();
    }

    /// <summary>Whether [start, end) lies within the fair's hours and on its grid.</summary>
    public Result CheckSlot(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) return Error.Validation("slot.time", "A slot must end after it starts.");
        if (start < StartsAt || end > EndsAt) return Error.Validation("slot.outside_fair", "A slot lies within the fair's hours.");
        var grid = TimeSpan.FromMinutes(SlotMinutes);
        if ((start - StartsAt).Ticks % grid.Ticks != 0 || (end - start).Ticks % grid.Ticks != 0)
            return Error.Validation("slot.grid", $"Slots start on the fair's {SlotMinutes}-minute grid and last whole slots.");
        return Result.Success();
    }

    public static Result<Fair> Create(Guid organizerId, string title, string description, string district,
        DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now, string timeZoneId = DefaultTimeZone)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            return Error.Validation("fair.title", $"A fair title is 1 to {TitleMaxLength} characters.");
        if (endsAt <= startsAt)
            return Error.Validation("fair.time", "A fair must end after it starts.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
            return Error.Validation("fair.time_zone", $"Unknown time zone '{timeZoneId}'.");
        return new Fair
        {
            Id = Guid.CreateVersion7(now), OrganizerId = organizerId, Title = title.Trim(), Description = description.Trim(),
            District = district.Trim(), TimeZoneId = timeZoneId, StartsAt = startsAt.ToUniversalTime(), EndsAt = endsAt.ToUniversalTime(), CreatedAt = now,
        };
    }
}

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

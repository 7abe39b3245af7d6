using System.Text.Json.Serialization;

namespace LiveHire.Core.Domain;

/// <summary>Who a fair is for. Public employment centres run special fairs for each group (专场招聘).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetGroup>))]
public enum TargetGroup
{
    Graduates = 1, LaidOffWorkers = 2, StayAtHomeMothers = 3, GigWorkers = 4, Veterans = 5, PeopleWithDisabilities = 6,
    MigrantWorkers = 7, Everyone = 8,
}

/// <summary>
/// A fair an organizer runs again and again (每周一聘, a monthly 赶集日) or once. Its editions (<see cref="Fair"/>) are
/// generated ahead of time from the recurrence, each keyed by its local occurrence date so a date is generated once.
/// </summary>
public sealed class FairSeries
{
    public const int TitleMaxLength = Fair.TitleMaxLength;
    public const int MaxTags = 20;
    public const int TagMaxLength = 40;
    public static readonly IReadOnlyList<int> DefaultReminderMinutes = [24 * 60, 60, 0];

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Organization? Organizer { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string TimeZoneId { get; private set; } = Fair.DefaultTimeZone;
    public RecurrenceKind Kind { get; private set; }
    public DateOnly FirstDate { get; private set; }
    public DateOnly? LastDate { get; private set; }
    public TimeOnly LocalStart { get; private set; }
    public TimeSpan Duration { get; private set; }
    public DayOfWeek? Weekday { get; private set; }
    public int? WeekOfMonth { get; private set; }
    public int? DayOfMonth { get; private set; }
    public List<string> Districts { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public List<string> Industries { get; private set; } = [];
    /// <summary>How long before an edition's start registered candidates are reminded; 0 is "at the start".</summary>
    public List<int> ReminderMinutes { get; private set; } = [.. DefaultReminderMinutes];
    public DateTimeOffset CreatedAt { get; private set; }

    public Recurrence Recurrence => new(Kind, FirstDate, LocalStart, Duration, Weekday, WeekOfMonth, DayOfMonth, LastDate);
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    private FairSeries() { }

    public static Result<FairSeries> Create(Guid organizerId, string title, string description, Recurrence recurrence, string timeZoneId,
        IEnumerable<string> districts, IEnumerable<TargetGroup> groups, IEnumerable<string> industries, IEnumerable<int>? reminderMinutes,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            return Error.Validation("fair.title", $"A fair title is 1 to {TitleMaxLength} characters.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
            return Error.Validation("fair.time_zone", $"Unknown time zone '{timeZoneId}'.");
        var valid = recurrence.Validate();
        if (!valid.IsSuccess) return valid.Error!;
        var tags = new[] { Tags(districts), Tags(industries) };
        if (tags.Any(t => t is null))
            return Error.Validation("fair.tags", $"At most {MaxTags} districts and industries, each 1 to {TagMaxLength} characters.");
        var reminders = (reminderMinutes ?? DefaultReminderMinutes).Distinct().OrderDescending().ToList();
        if (reminders.Count > 5 || reminders.Any(m => m is < 0 or > 7 * 24 * 60))
            return Error.Validation("fair.reminders", "At most 5 reminders, each 0 minutes to 7 days before the start.");
        return new FairSeries
        {
            Id = Guid.CreateVersion7(now), OrganizerId = organizerId, Title = title.Trim(), Description = description.Trim(),
            TimeZoneId = timeZoneId, Kind = recurrence.Kind, FirstDate = recurrence.FirstDate, LastDate = recurrence.LastDate,
            LocalStart = recurrence.LocalStart, Duration = recurrence.Duration, Weekday = recurrence.Weekday,
            WeekOfMonth = recurrence.WeekOfMonth, DayOfMonth = recurrence.DayOfMonth, Districts = tags[0]!, TargetGroups = [.. groups.Distinct()],
            Industries = tags[1]!, ReminderMinutes = reminders, CreatedAt = now,
        };
    }

    private static List<string>? Tags(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Trim()).Distinct().ToList();
        return list.Count > MaxTags || list.Any(v => v.Length is 0 or > TagMaxLength) ? null : list;
    }
}

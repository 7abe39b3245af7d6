namespace LiveHire.Core.Domain;

/// <summary>A job fair run by an organizer: one timetable on which many employers' live sessions sit.</summary>
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

    private Fair() { }

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

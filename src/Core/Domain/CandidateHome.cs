namespace LiveHire.Core.Domain;

/// <summary>
/// Where a candidate lives, for 家门口 search: the district / street / community they pick from, a map point, or both.
/// One row per candidate; the user id is the key.
/// </summary>
public sealed class CandidateHome
{
    public Guid UserId { get; private set; }
    public string District { get; private set; } = "";
    public string Street { get; private set; } = "";
    public string Community { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CandidateHome() { }

    public static Result<CandidateHome> Set(Guid userId, string? district, string? street, string? community, double? latitude, double? longitude,
        DateTimeOffset now)
    {
        var home = new CandidateHome { UserId = userId };
        var set = home.Change(district, street, community, latitude, longitude, now);
        return set.IsSuccess ? home : set.Error!;
    }

    public Result Change(string? district, string? street, string? community, double? latitude, double? longitude, DateTimeOffset now)
    {
        (district, street, community) = ((district ?? "").Trim(), (street ?? "").Trim(), (community ?? "").Trim());
        if (district.Length == 0 && (street.Length > 0 || community.Length > 0))
            return Error.Validation("home.district", "A street or community needs its district.");
        if (district.Length == 0 && latitude is null)
            return Error.Validation("home.empty", "Choose a district or a point on the map.");
        if (street.Length == 0 && community.Length > 0)
            return Error.Validation("home.street", "A community needs its street.");
        if (district.Length > Location.PartMaxLength || street.Length > Location.PartMaxLength || community.Length > Location.PartMaxLength)
            return Error.Validation("home.too_long", $"Each part is at most {Location.PartMaxLength} characters.");
        if ((latitude is null) != (longitude is null) || latitude is < -90 or > 90 || longitude is < -180 or > 180)
            return Error.Validation("home.point", "A map point needs a valid latitude and longitude.");
        (District, Street, Community, Latitude, Longitude, UpdatedAt) = (district, street, community, latitude, longitude, now);
        return Result.Success();
    }

    public Place ToPlace() => new(District, Street, Community, Latitude, Longitude);
}

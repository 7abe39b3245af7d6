namespace LiveHire.Core.Domain;

/// <summary>A place as a person names it: any of district / street / community, and a map point, may be missing.</summary>
public sealed record Place(string District, string Street, string Community, double? Latitude, double? Longitude)
{
    public static readonly Place Nowhere = new("", "", "", null, null);
    public bool HasPoint => Latitude is not null && Longitude is not null;
}

/// <summary>How near a job is to home in the terms people use: 本社区, 本街道, 本区, or further.</summary>
public enum Nearness { SameCommunity = 0, SameStreet = 1, SameDistrict = 2, Elsewhere = 3 }

/// <summary>
/// 家门口 ranking: same community first, then same street, then same district, then everything else; inside each of
/// those, nearer map points first (jobs without a point after those with one), then newer jobs. Names beat distance
/// because a job "in my community" is what people ask for, and a map point 800 m away across a river is not nearer.
/// </summary>
public static class NearHome
{
    private const double EarthRadiusKm = 6371.0088;

    public static Nearness NearnessOf(Place home, Location job)
    {
        if (home.District.Length == 0 || job.District != home.District) return Nearness.Elsewhere;
        if (home.Street.Length == 0 || job.Street != home.Street) return Nearness.SameDistrict;
        if (home.Community.Length == 0 || job.Community != home.Community) return Nearness.SameStreet;
        return Nearness.SameCommunity;
    }

    /// <summary>Great-circle distance (haversine) in km, or null when either side has no map point.</summary>
    public static double? DistanceKm(Place home, Location job)
    {
        if (!home.HasPoint || job.Latitude is not { } lat || job.Longitude is not { } lon) return null;
        double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat - home.Latitude!.Value);
        var dLon = Rad(lon - home.Longitude!.Value);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(home.Latitude.Value)) * Math.Cos(Rad(lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// How much a degree of longitude is worth relative to a degree of latitude near home. The database pre-orders by
    /// dLat² + (dLon·scale)², which orders like the haversine distance over a city; the exact order is then <see cref="Rank{T}"/>.
    /// </summary>
    public static double LongitudeScale(Place home) => home.Latitude is { } lat ? Math.Cos(lat * Math.PI / 180) : 1;

    public static IReadOnlyList<Ranked<T>> Rank<T>(Place home, IEnumerable<T> items, Func<T, Location> location, Func<T, DateTimeOffset> createdAt) =>
        items.Select(item => new Ranked<T>(item, NearnessOf(home, location(item)), DistanceKm(home, location(item))))
            .OrderBy(r => r.Nearness)
            .ThenBy(r => r.DistanceKm is null)
            .ThenBy(r => r.DistanceKm)
            .ThenByDescending(r => createdAt(r.Item))
            .ToList();
}

public sealed record Ranked<T>(T Item, Nearness Nearness, double? DistanceKm);

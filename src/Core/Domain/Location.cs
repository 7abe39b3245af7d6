namespace LiveHire.Core.Domain;

/// <summary>
/// Where a job (or a person's home) is: the district / street / community hierarchy that 家门口 matching uses,
/// plus an optional map point for distance ranking.
/// </summary>
public sealed record Location(string District, string Street, string Community, double? Latitude, double? Longitude)
{
    public const int PartMaxLength = 60;

    public static Location Create(string district, string street = "", string community = "", double? latitude = null, double? longitude = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(district);
        if (latitude is < -90 or > 90) throw new ArgumentOutOfRangeException(nameof(latitude));
        if (longitude is < -180 or > 180) throw new ArgumentOutOfRangeException(nameof(longitude));
        if ((latitude is null) != (longitude is null)) throw new ArgumentException("A map point needs both latitude and longitude.");
        return new Location(district.Trim(), street.Trim(), community.Trim(), latitude, longitude);
    }
}

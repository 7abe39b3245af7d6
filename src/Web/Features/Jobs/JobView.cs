using LiveHire.Core.Domain;

namespace LiveHire.Web.Features.Jobs;

/// <summary>A job as its employer's recruiters manage it (enums as their names, benefits as a list of names).</summary>
public sealed record JobView(Guid Id, Guid EmployerId, string Title, string Description, decimal PayMin, decimal PayMax, string PayUnit, string Hours,
    string Type, string District, string Street, string Community, double? Latitude, double? Longitude, IReadOnlyList<string> Benefits,
    int Headcount, string Status, bool Verified, IReadOnlyList<string> Groups)
{
    public static JobView From(Job j) => new(j.Id, j.EmployerId, j.Title, j.Description, j.PayMin, j.PayMax, j.PayUnit.ToString(), j.Hours,
        j.Type.ToString(), j.Location.District, j.Location.Street, j.Location.Community, j.Location.Latitude, j.Location.Longitude,
        BenefitNames(j.Benefits), j.Headcount, j.Status.ToString(), j.VerifiedAt is not null, FlagNames(j.Groups));

    public static IReadOnlyList<string> BenefitNames(Benefits benefits) => FlagNames(benefits);

    /// <summary>The names of the flags set, without the zero member.</summary>
    public static IReadOnlyList<string> FlagNames<T>(T flags) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f))
            .Select(f => f.ToString()).ToList();
}

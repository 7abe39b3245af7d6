using LiveHire.Core.Domain;
using LiveHire.Web.Features.Jobs;

namespace LiveHire.Web.Features.Profile;

/// <summary>
/// A candidate's profile over the API: enums by name, groups as a list of names (Graduates, Mothers, Older, Disabled,
/// Veterans, MigrantWorkers). <see cref="UpdatedAt"/> is null while nothing has been saved yet.
/// </summary>
public sealed record ProfileView(
    string FullName,
    string Summary,
    IReadOnlyList<EducationEntry> Education,
    IReadOnlyList<ExperienceEntry> Experience,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> WantedTitles,
    decimal? WantedPayMin,
    string WantedPayUnit,
    string Availability,
    DateOnly? AvailableFrom,
    IReadOnlyList<string> Groups,
    DateTimeOffset? UpdatedAt)
{
    public static ProfileView From(CandidateProfile p) => new(p.FullName, p.Summary, p.Education, p.Experience, p.Skills, p.WantedTitles,
        p.WantedPayMin, p.WantedPayUnit.ToString(), p.Availability.ToString(), p.AvailableFrom, JobView.FlagNames(p.Groups), p.UpdatedAt);

    public static ProfileView Empty(string fullName) =>
        new(fullName, "", [], [], [], [], null, nameof(PayUnit.Month), nameof(Core.Domain.Availability.FullTime), null, [], null);

    /// <summary>What the entity checks; an unknown enum name becomes an invalid value, which the entity refuses.</summary>
    public ProfileContent ToContent() => new(FullName ?? "", Summary ?? "", (Education ?? []).OfType<EducationEntry>().ToList(), (Experience ?? []).OfType<ExperienceEntry>().ToList(),
        (Skills ?? []).OfType<string>().ToList(), (WantedTitles ?? []).OfType<string>().ToList(),
        WantedPayMin, Parse<PayUnit>(WantedPayUnit), Parse<Core.Domain.Availability>(Availability), AvailableFrom,
        (Groups ?? []).Aggregate(SuitableGroups.None, (all, g) => all | (Enum.TryParse<SuitableGroups>(g, true, out var v) && Enum.IsDefined(v) ? v : (SuitableGroups)(1 << 30))));

    private static T Parse<T>(string? name) where T : struct, Enum =>
        Enum.TryParse<T>(name, true, out var v) && Enum.IsDefined(v) && !int.TryParse(name, out _) ? v : default;
}

namespace LiveHire.Core.Domain;

/// <summary>How a candidate can work.</summary>
public enum Availability { FullTime = 1, PartTime = 2, Flexible = 3 }

public sealed record EducationEntry(string School, string Major, string Degree, int FromYear, int? ToYear);

public sealed record ExperienceEntry(string Employer, string Title, int FromYear, int? ToYear, string Description);

/// <summary>Everything a candidate says about themselves in one go; <see cref="CandidateProfile"/> checks it as a whole.</summary>
public sealed record ProfileContent(
    string FullName,
    string Summary,
    IReadOnlyList<EducationEntry> Education,
    IReadOnlyList<ExperienceEntry> Experience,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> WantedTitles,
    decimal? WantedPayMin,
    PayUnit WantedPayUnit,
    Availability Availability,
    DateOnly? AvailableFrom,
    SuitableGroups Groups);

/// <summary>
/// A candidate's structured profile: what a printable resume is made from and what recommendations match on. One row per
/// candidate; the user id is the key. The lists are small and always read whole, so they are stored as JSON.
/// </summary>
public sealed class CandidateProfile
{
    public const int NameMaxLength = 40;
    public const int SummaryMaxLength = 500;
    public const int MaxEducation = 5;
    public const int MaxExperience = 10;
    public const int MaxSkills = 20;
    public const int SkillMaxLength = 20;
    public const int MaxWantedTitles = 5;
    public const int WantedTitleMaxLength = 30;
    public const int EntryTextMaxLength = 60;
    public const int ExperienceDescriptionMaxLength = 300;

    public Guid UserId { get; private set; }
    public string FullName { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public IReadOnlyList<EducationEntry> Education { get; private set; } = [];
    public IReadOnlyList<ExperienceEntry> Experience { get; private set; } = [];
    public IReadOnlyList<string> Skills { get; private set; } = [];
    public IReadOnlyList<string> WantedTitles { get; private set; } = [];
    public decimal? WantedPayMin { get; private set; }
    public PayUnit WantedPayUnit { get; private set; } = PayUnit.Month;
    public Availability Availability { get; private set; } = Availability.FullTime;
    public DateOnly? AvailableFrom { get; private set; }
    /// <summary>Groups the candidate says they belong to (optional): jobs suited to them rank higher.</summary>
    public SuitableGroups Groups { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CandidateProfile() { }

    public static Result<CandidateProfile> Create(Guid userId, ProfileContent content, DateTimeOffset now)
    {
        var profile = new CandidateProfile { UserId = userId };
        var changed = profile.Change(content, now);
        return changed.IsSuccess ? profile : changed.Error!;
    }

    public Result Change(ProfileContent content, DateTimeOffset now)
    {
        var name = content.FullName?.Trim() ?? "";
        if (name.Length is 0 or > NameMaxLength) return Error.Validation("profile.name", $"A name is 1 to {NameMaxLength} characters.");
        var summary = content.Summary?.Trim() ?? "";
        if (summary.Length > SummaryMaxLength) return Error.Validation("profile.summary", $"The introduction is at most {SummaryMaxLength} characters.");
        if (content.Education.Count > MaxEducation) return Error.Validation("profile.education", $"At most {MaxEducation} schools.");
        if (content.Experience.Count > MaxExperience) return Error.Validation("profile.experience", $"At most {MaxExperience} jobs held.");
        var thisYear = now.Year;
        var education = new List<EducationEntry>();
        foreach (var e in content.Education)
        {
            var entry = e with { School = e.School?.Trim() ?? "", Major = e.Major?.Trim() ?? "", Degree = e.Degree?.Trim() ?? "" };
            if (entry.School.Length is 0 or > EntryTextMaxLength || entry.Major.Length > EntryTextMaxLength || entry.Degree.Length > EntryTextMaxLength)
                return Error.Validation("profile.education", $"A school is named (1 to {EntryTextMaxLength} characters); major and degree are at most {EntryTextMaxLength}.");
            if (Years(entry.FromYear, entry.ToYear, thisYear + 6) is { } bad) return bad;
            education.Add(entry);
        }
        var experience = new List<ExperienceEntry>();
        foreach (var e in content.Experience)
        {
            var entry = e with { Employer = e.Employer?.Trim() ?? "", Title = e.Title?.Trim() ?? "", Description = e.Description?.Trim() ?? "" };
            if (entry.Employer.Length is 0 or > EntryTextMaxLength || entry.Title.Length is 0 or > EntryTextMaxLength)
                return Error.Validation("profile.experience", $"A job held has an employer and a title (1 to {EntryTextMaxLength} characters each).");
            if (entry.Description.Length > ExperienceDescriptionMaxLength)
                return Error.Validation("profile.experience", $"What you did there is at most {ExperienceDescriptionMaxLength} characters.");
            if (Years(entry.FromYear, entry.ToYear, thisYear) is { } bad) return bad;
            experience.Add(entry);
        }
        var skills = Words(content.Skills, MaxSkills, SkillMaxLength, "profile.skills", "skills");
        if (!skills.IsSuccess) return skills.Error!;
        var titles = Words(content.WantedTitles, MaxWantedTitles, WantedTitleMaxLength, "profile.wanted_titles", "wanted jobs");
        if (!titles.IsSuccess) return titles.Error!;
        if (content.WantedPayMin is { } pay && (pay < 0 || pay > 1_000_000 || decimal.Round(pay, 2) != pay))
            return Error.Validation("profile.pay", "The lowest pay you want is 0 to 1,000,000 yuan, in fen at most.");
        if (!Enum.IsDefined(content.WantedPayUnit) || !Enum.IsDefined(content.Availability))
            return Error.Validation("profile.choice", "Choose a pay unit and an availability from the list.");
        if (content.AvailableFrom is { } from && (from.Year < thisYear - 1 || from.Year > thisYear + 2))
            return Error.Validation("profile.available_from", "The start date is within the next two years.");
        var allGroups = Enum.GetValues<SuitableGroups>().Aggregate(SuitableGroups.None, (all, g) => all | g);
        if ((content.Groups & ~allGroups) != 0) return Error.Validation("profile.groups", "Unknown group.");

        (FullName, Summary, Education, Experience, Skills, WantedTitles) = (name, summary, education, experience, skills.Value!, titles.Value!);
        (WantedPayMin, WantedPayUnit, Availability, AvailableFrom, Groups, UpdatedAt) =
            (content.WantedPayMin is 0 ? null : content.WantedPayMin, content.WantedPayUnit, content.Availability, content.AvailableFrom, content.Groups, now);
        return Result.Success();
    }

    public ProfileContent Content =>
        new(FullName, Summary, Education, Experience, Skills, WantedTitles, WantedPayMin, WantedPayUnit, Availability, AvailableFrom, Groups);

    private static Error? Years(int from, int? to, int latest)
    {
        if (from < 1950 || from > latest || to is { } t && (t < from || t > latest))
            return Error.Validation("profile.years", $"Years run from 1950 to {latest}, and an end is not before its start.");
        return null;
    }

    /// <summary>Trimmed, blank ones dropped, duplicates (ignoring case and width) removed, within the limits.</summary>
    private static Result<IReadOnlyList<string>> Words(IReadOnlyList<string> words, int max, int maxLength, string code, string what)
    {
        var kept = new List<string>();
        var seen = new HashSet<string>();
        foreach (var word in words.Select(w => w?.Trim() ?? "").Where(w => w.Length > 0))
        {
            if (word.Length > maxLength) return Error.Validation(code, $"Each of your {what} is at most {maxLength} characters.");
            if (seen.Add(SearchText.Fold(word))) kept.Add(word);
        }
        if (kept.Count > max) return Error.Validation(code, $"At most {max} {what}.");
        return kept;
    }
}

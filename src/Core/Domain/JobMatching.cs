namespace LiveHire.Core.Domain;

/// <summary>Why a job was recommended, in the terms a person would use; pages put each kind into words.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReasonKind>))]
public enum ReasonKind
{
    SameCommunity = 1,
    SameStreet = 2,
    SameDistrict = 3,
    /// <summary>Not in the same district by name, but a short distance away on the map.</summary>
    Nearby = 4,
    WantedTitle = 5,
    Skills = 6,
    Group = 7,
    Pay = 8,
    /// <summary>Nothing particular matched: a new open job, so that a candidate still gets three to look at.</summary>
    Recent = 9,
}

/// <param name="Detail">What matched: the community, the distance in km, the skills, the group, the pay — shown beside the reason.</param>
public sealed record MatchReason(ReasonKind Kind, string Detail);

/// <summary>What matching knows about a candidate: home, profile words, groups and the lowest pay wanted.</summary>
public sealed record Seeker(Place Home, IReadOnlyList<string> Skills, IReadOnlyList<string> WantedTitles, SuitableGroups Groups,
    decimal? WantedPayMin, PayUnit WantedPayUnit)
{
    public static Seeker From(Place home, CandidateProfile? profile) => profile is null
        ? new Seeker(home, [], [], SuitableGroups.None, null, PayUnit.Month)
        : new Seeker(home, profile.Skills, profile.WantedTitles, profile.Groups, profile.WantedPayMin, profile.WantedPayUnit);
}

public sealed record JobMatch(Job Job, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// 一次指导、三次推荐: score open jobs for one candidate and pick the best few, each with its reasons. Pure, so the rule is
/// tested without a database. A wanted job title outweighs the rest because it is what the person asked for; nearness
/// comes next (the 家门口 tiers of <see cref="NearHome"/>), then skills, group and pay.
/// </summary>
public static class JobMatching
{
    public const int NearbyKm = 5;

    public static JobMatch Score(Seeker seeker, Job job)
    {
        var reasons = new List<MatchReason>();
        var score = 0;
        var location = job.Location;
        switch (NearHome.NearnessOf(seeker.Home, location))
        {
            case Nearness.SameCommunity: score += 40; reasons.Add(new(ReasonKind.SameCommunity, location.Community)); break;
            case Nearness.SameStreet: score += 30; reasons.Add(new(ReasonKind.SameStreet, location.Street)); break;
            case Nearness.SameDistrict: score += 20; reasons.Add(new(ReasonKind.SameDistrict, location.District)); break;
            default:
                if (NearHome.DistanceKm(seeker.Home, location) is { } km and <= NearbyKm)
                {
                    score += 15;
                    reasons.Add(new(ReasonKind.Nearby, km.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
                }
                break;
        }

        var title = SearchText.Fold(job.Title);
        if (seeker.WantedTitles.FirstOrDefault(w => Overlaps(title, w)) is { } wanted)
        {
            score += 50;
            reasons.Add(new(ReasonKind.WantedTitle, wanted));
        }

        var skills = seeker.Skills.Where(s => Overlaps(job.SearchText, s)).Take(3).ToList();
        if (skills.Count > 0)
        {
            score += 12 * skills.Count;
            reasons.Add(new(ReasonKind.Skills, string.Join("、", skills)));
        }

        if ((job.Groups & seeker.Groups) is var shared and not SuitableGroups.None)
        {
            score += 15;
            reasons.Add(new(ReasonKind.Group, string.Join(",", Enum.GetValues<SuitableGroups>().Where(g => g != 0 && shared.HasFlag(g)))));
        }

        if (PaysEnough(seeker, job))
        {
            score += 15;
            reasons.Add(new(ReasonKind.Pay, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{job.PayMin:0.##}-{job.PayMax:0.##} {job.PayUnit}")));
        }

        if (reasons.Count == 0) reasons.Add(new(ReasonKind.Recent, ""));
        return new JobMatch(job, score, reasons);
    }

    /// <summary>
    /// The best <paramref name="count"/> of <paramref name="jobs"/> by score, nearer then newer on a tie; fewer only when fewer
    /// jobs are given. The caller passes open jobs the candidate has neither applied to nor been recommended lately.
    /// </summary>
    public static IReadOnlyList<JobMatch> Pick(Seeker seeker, IEnumerable<Job> jobs, int count) =>
        jobs.Where(j => j.Status == JobStatus.Open)
            .Select(j => Score(seeker, j))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => NearHome.DistanceKm(seeker.Home, m.Job.Location) ?? double.MaxValue)
            .ThenByDescending(m => m.Job.CreatedAt)
            .ThenBy(m => m.Job.Id)
            .Take(count)
            .ToList();

    /// <summary>Only a wanted minimum compares: per month when both sides have a month, piece rate against piece rate.</summary>
    private static bool PaysEnough(Seeker seeker, Job job)
    {
        if (seeker.WantedPayMin is not { } wanted || wanted <= 0) return false;
        if (Pay.PerMonth(wanted, seeker.WantedPayUnit) is { } monthly) return job.MonthlyPayMax >= monthly;
        return job.PayUnit == PayUnit.Piece && job.PayMax >= wanted;
    }

    /// <summary>A word matches text it occurs in; a long wanted title also matches a job title that is inside it (保安员 ~ 保安).</summary>
    private static bool Overlaps(string foldedText, string word)
    {
        var folded = SearchText.Fold(word);
        if (folded.Length == 0) return false;
        return foldedText.Contains(folded, StringComparison.Ordinal) || (foldedText.Length >= 2 && folded.Contains(foldedText, StringComparison.Ordinal));
    }
}

namespace LiveHire.Core.Domain;

/// <summary>
/// A job recommended to a candidate, kept so that organizers can see who has been recommended what (一次指导、三次推荐)
/// and so that the same job is not recommended again within <see cref="RepeatWindow"/>. The candidate's district and groups
/// are copied as they were when it was made, so a report by district or group does not change when someone moves.
/// </summary>
public sealed class Recommendation
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public Guid JobId { get; private set; }
    public Job? Job { get; private set; }
    public int Score { get; private set; }
    public IReadOnlyList<MatchReason> Reasons { get; private set; } = [];
    public DateTimeOffset MadeAt { get; private set; }
    /// <summary>The organizer who made it, or null when the system did.</summary>
    public Guid? MadeById { get; private set; }
    public string CandidateDistrict { get; private set; } = "";
    public SuitableGroups CandidateGroups { get; private set; }

    private Recommendation() { }

    public static Recommendation Make(Guid candidateId, JobMatch match, Seeker seeker, Guid? madeById, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CandidateId = candidateId, JobId = match.Job.Id, Score = match.Score, Reasons = match.Reasons,
        MadeAt = now, MadeById = madeById, CandidateDistrict = seeker.Home.District, CandidateGroups = seeker.Groups,
    };

    public bool IsRecent(DateTimeOffset now) => now - MadeAt < RepeatWindow;
}

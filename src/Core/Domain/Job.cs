namespace LiveHire.Core.Domain;

public enum PayUnit { Month = 1, Day = 2, Hour = 3, Piece = 4 }

public enum JobType { FullTime = 1, PartTime = 2, Gig = 3, Piecework = 4, HomeBased = 5 }

public enum JobStatus { Open = 1, Paused = 2, Closed = 3 }

/// <summary>The groups a job suits, as public employment services count them.</summary>
[Flags]
public enum SuitableGroups
{
    None = 0,
    /// <summary>高校毕业生</summary>
    Graduates = 1,
    /// <summary>宝妈: flexible hours around school runs.</summary>
    Mothers = 2,
    /// <summary>4050 人员: women over 40, men over 50.</summary>
    Older = 4,
    /// <summary>残疾人</summary>
    Disabled = 8,
    /// <summary>退役军人</summary>
    Veterans = 16,
    /// <summary>农民工 / 返乡人员</summary>
    MigrantWorkers = 32,
}

[Flags]
public enum Benefits
{
    None = 0,
    SocialInsurance = 1,
    HousingFund = 2,
    Housing = 4,
    Meals = 8,
    Transport = 16,
    PaidLeave = 32,
}

/// <summary>A vacancy an employer recruits for.</summary>
public sealed class Job
{
    public const int TitleMaxLength = 80;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public Organization? Employer { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal PayMin { get; private set; }
    public decimal PayMax { get; private set; }
    public PayUnit PayUnit { get; private set; }
    public string Hours { get; private set; } = "";
    public JobType Type { get; private set; }
    public Location Location { get; private set; } = null!;
    public Benefits Benefits { get; private set; }
    public int Headcount { get; private set; }
    public JobStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set when an organizer has reviewed the job; shown as the "verified" mark.</summary>
    public DateTimeOffset? VerifiedAt { get; private set; }
    public SuitableGroups Groups { get; private set; }
    /// <summary>The top of the pay range per month, to filter on "at least this much"; null for piece rates, which have no month.</summary>
    public decimal? MonthlyPayMax { get; private set; }
    /// <summary>Title, place and description folded for keyword search (see <see cref="SearchText"/>); maintained here, never set by hand.</summary>
    public string SearchText { get; private set; } = "";

    private Job() { }

    public static Result<Job> Create(Guid employerId, string title, string description, decimal payMin, decimal payMax, PayUnit payUnit,
        string hours, JobType type, Location location, Benefits benefits, int headcount, DateTimeOffset now)
    {
        if (Check(title, description, payMin, payMax, headcount) is { } invalid) return invalid;
        var job = new Job { Id = Guid.CreateVersion7(now), EmployerId = employerId, Status = JobStatus.Open, CreatedAt = now };
        job.Apply(title, description, payMin, payMax, payUnit, hours, type, location, benefits, headcount);
        return job;
    }

    /// <summary>
    /// Changes what the job says. An organizer verified the offer as it stood, so a change to what a candidate decides
    /// on (title, pay, type, place, benefits) clears the verified mark until it is reviewed again; wording, hours and
    /// headcount do not.
    /// </summary>
    public Result Revise(string title, string description, decimal payMin, decimal payMax, PayUnit payUnit,
        string hours, JobType type, Location location, Benefits benefits, int headcount)
    {
        if (Status == JobStatus.Closed) return Error.Conflict("job.closed", "A closed job cannot be changed.");
        if (Check(title, description, payMin, payMax, headcount) is { } invalid) return invalid;
        var offerChanged = Title != title.Trim() || PayMin != payMin || PayMax != payMax || PayUnit != payUnit || Type != type
            || Location != location || Benefits != benefits;
        Apply(title, description, payMin, payMax, payUnit, hours, type, location, benefits, headcount);
        if (offerChanged) VerifiedAt = null;
        return Result.Success();
    }

    private static Error? Check(string title, string description, decimal payMin, decimal payMax, int headcount)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            return Error.Validation("job.title", $"A job title is 1 to {TitleMaxLength} characters.");
        if (description.Length > DescriptionMaxLength)
            return Error.Validation("job.description", $"A job description is at most {DescriptionMaxLength} characters.");
        if (payMin < 0 || payMax < payMin)
            return Error.Validation("job.pay", "Pay must be a range with 0 ≤ minimum ≤ maximum.");
        if (decimal.Round(payMin, 2) != payMin || decimal.Round(payMax, 2) != payMax)
            return Error.Validation("job.pay_precision", "Pay is in yuan with at most two decimals (fen).");
        if (headcount < 1)
            return Error.Validation("job.headcount", "Headcount must be at least 1.");
        return null;
    }

    private void Apply(string title, string description, decimal payMin, decimal payMax, PayUnit payUnit,
        string hours, JobType type, Location location, Benefits benefits, int headcount)
    {
        Title = title.Trim();
        Description = description.Trim();
        PayMin = payMin;
        PayMax = payMax;
        PayUnit = payUnit;
        Hours = hours.Trim();
        Type = type;
        Location = location;
        Benefits = benefits;
        Headcount = headcount;
        MonthlyPayMax = Pay.PerMonth(payMax, payUnit);
        SearchText = Domain.SearchText.Fold($"{Title} {location.District} {location.Street} {location.Community} {Description}", SearchTextMaxLength);
    }

    public const int SearchTextMaxLength = 1000;

    public void MarkVerified(DateTimeOffset now) => VerifiedAt ??= now;

    /// <summary>An organizer withdraws the verified mark (the offer turned out not to be as stated).</summary>
    public void RevokeVerification() => VerifiedAt = null;

    public void SetGroups(SuitableGroups groups) => Groups = groups;

    /// <summary>Stops taking applications for a while; the job stays in the employer's list and can reopen.</summary>
    public Result Pause() => Move(JobStatus.Open, JobStatus.Paused, "Only an open job can be paused.");

    public Result Reopen() => Move(JobStatus.Paused, JobStatus.Open, "Only a paused job can reopen; a closed job is final.");

    /// <summary>Final: the job is filled or withdrawn. Applications already made stay on the board.</summary>
    public Result Close()
    {
        if (Status == JobStatus.Closed) return Error.Conflict("job.closed", "The job is already closed.");
        Status = JobStatus.Closed;
        return Result.Success();
    }

    private Result Move(JobStatus from, JobStatus to, string message)
    {
        if (Status != from) return Error.Conflict("job.status", message);
        Status = to;
        return Result.Success();
    }
}

namespace LiveHire.Core.Domain;

public enum BoothStatus { Applied = 1, Approved = 2, Declined = 3, Withdrawn = 4 }

/// <summary>
/// An employer's place in one fair. The employer applies; the fair's organizer approves (verifying the employer) or
/// declines with a reason. Only an approved booth books slots on the fair's timetable; each slot is one of the employer's
/// <see cref="LiveSession"/>s in the fair, so the live room, reminders and registration work with it unchanged.
/// </summary>
public sealed class Booth
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; }
    public Guid FairId { get; private set; }
    public Guid EmployerId { get; private set; }
    public Organization? Employer { get; private set; }
    public BoothStatus Status { get; private set; }
    public Guid AppliedById { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }

    private Booth() { }

    public static Result<Booth> Apply(Fair fair, Organization employer, Guid recruiterId, DateTimeOffset now)
    {
        if (employer.Kind != OrganizationKind.Employer) return Error.Validation("booth.employer", "Only an employer applies for a booth.");
        var open = CheckOpen(fair, now);
        if (!open.IsSuccess) return open.Error!;
        return new Booth
        {
            Id = Guid.CreateVersion7(now), FairId = fair.Id, EmployerId = employer.Id, Status = BoothStatus.Applied,
            AppliedById = recruiterId, AppliedAt = now,
        };
    }

    /// <summary>Applying again: a pending or approved booth stays as it is; a declined or withdrawn one is asked for anew.</summary>
    public Result Reapply(Fair fair, Guid recruiterId, DateTimeOffset now)
    {
        if (Status is BoothStatus.Applied or BoothStatus.Approved) return Result.Success();
        var open = CheckOpen(fair, now);
        if (!open.IsSuccess) return open;
        Status = BoothStatus.Applied;
        AppliedById = recruiterId;
        AppliedAt = now;
        DecidedById = null;
        DecidedAt = null;
        DeclineReason = null;
        return Result.Success();
    }

    /// <param name="approvedBooths">Booths of the fair approved so far, this one not counted.</param>
    public Result Approve(Fair fair, Organization employer, int approvedBooths, Guid organizerUserId, DateTimeOffset now)
    {
        if (Status == BoothStatus.Approved) return Result.Success();
        if (Status != BoothStatus.Applied) return Error.Conflict("booth.not_applied", "Only a booth that is applied for can be approved.");
        if (fair.Id != FairId || employer.Id != EmployerId) throw new ArgumentException("The fair or employer is not this booth's.");
        var open = CheckOpen(fair, now);
        if (!open.IsSuccess) return open;
        if (approvedBooths >= fair.BoothCapacity)
            return Error.Conflict("booth.capacity", $"The fair has room for {fair.BoothCapacity} booths and all are taken.");
        Status = BoothStatus.Approved;
        DecidedById = organizerUserId;
        DecidedAt = now;
        employer.MarkVerified(now);
        fair.TouchTimetable();
        return Result.Success();
    }

    public Result Decline(string reason, Guid organizerUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
            return Error.Validation("booth.reason", $"Say why in 1 to {ReasonMaxLength} characters.");
        if (Status == BoothStatus.Declined) return Result.Success();
        if (Status != BoothStatus.Applied) return Error.Conflict("booth.not_applied", "Only a booth that is applied for can be declined.");
        Status = BoothStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedById = organizerUserId;
        DecidedAt = now;
        return Result.Success();
    }

    /// <summary>The employer gives the booth up; the caller cancels the booth's slots that have not started.</summary>
    public Result Withdraw(DateTimeOffset now)
    {
        if (Status == BoothStatus.Withdrawn) return Result.Success();
        if (Status is not (BoothStatus.Applied or BoothStatus.Approved))
            return Error.Conflict("booth.closed", "A declined booth cannot be withdrawn.");
        Status = BoothStatus.Withdrawn;
        DecidedAt = now;
        return Result.Success();
    }

    /// <summary>
    /// Books a slot: the employer's live session on the fair's timetable. <paramref name="fairSessions"/> are the fair's
    /// sessions that are not cancelled (any employer's). The caller saves the fair with the session: its timetable version
    /// is what makes two bookings at once safe (see ADR 0009).
    /// </summary>
    public Result<LiveSession> BookSlot(Fair fair, IReadOnlyCollection<LiveSession> fairSessions, string title, DateTimeOffset start, DateTimeOffset end,
        Guid recruiterId, DateTimeOffset now)
    {
        if (Status != BoothStatus.Approved) return Error.Conflict("booth.not_approved", "Only an approved booth books slots.");
        if (fair.Id != FairId) throw new ArgumentException("The fair is not this booth's.");
        var open = CheckOpen(fair, now);
        if (!open.IsSuccess) return open.Error!;
        var fits = fair.CheckSlot(start, end);
        if (!fits.IsSuccess) return fits.Error!;
        var live = fairSessions.Where(s => s.Status != LiveSessionStatus.Cancelled).ToList();
        if (live.Exists(s => s.EmployerId == EmployerId && s.ScheduledStart < end && start < s.ScheduledEnd))
            return Error.Conflict("slot.overlap", "This booth already has a session at that time.");
        if (Timetable.PeakOverlap(live, start, end) >= fair.Stages)
            return Error.Conflict("slot.stages_full", $"All {fair.Stages} stages are taken at that time.");
        var session = LiveSession.Schedule(EmployerId, FairId, title, start, end, recruiterId, now);
        if (session.IsSuccess) fair.TouchTimetable();
        return session;
    }

    private static Result CheckOpen(Fair fair, DateTimeOffset now)
    {
        if (fair.Status == FairStatus.Cancelled) return Error.Conflict("fair.cancelled", "The fair is cancelled.");
        if (fair.EndsAt <= now) return Error.Conflict("fair.over", "The fair is over.");
        return Result.Success();
    }
}

/// <summary>Counting sessions on a fair's stages.</summary>
public static class Timetable
{
    /// <summary>The most sessions on air at any one instant within [start, end).</summary>
    public static int PeakOverlap(IEnumerable<LiveSession> sessions, DateTimeOffset start, DateTimeOffset end)
    {
        var inside = sessions.Where(s => s.ScheduledStart < end && start < s.ScheduledEnd).ToList();
        // The count only rises where a session starts (or at the window's start), so those instants are the only ones to test.
        return inside.Select(s => s.ScheduledStart < start ? start : s.ScheduledStart)
            .Select(t => inside.Count(s => s.ScheduledStart <= t && t < s.ScheduledEnd))
            .DefaultIfEmpty(0).Max();
    }
}

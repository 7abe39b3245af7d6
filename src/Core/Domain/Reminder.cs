namespace LiveHire.Core.Domain;

public enum ReminderStatus { Pending = 1, Sent = 2, Cancelled = 3 }

/// <summary>
/// One reminder owed to a registered candidate: the fact, in the database, that something must be sent at
/// <see cref="DueAt"/>. The job store only triggers the dispatcher. Unique by (registration, minutes before, due time),
/// so scheduling it twice keeps one; a dispatcher takes it with a lease (<see cref="ClaimToken"/>) before sending.
/// </summary>
public sealed class Reminder : IDueRow
{
    public Guid Id { get; private set; }
    public Guid RegistrationId { get; private set; }
    public FairRegistration? Registration { get; private set; }
    /// <summary>How long before the start it is sent: 1440 (a day), 60 (an hour), 0 (at the start).</summary>
    public int MinutesBefore { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ReminderStatus Status { get; private set; } = ReminderStatus.Pending;
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Reminder() { }

    /// <summary>The reminders still ahead for something starting at <paramref name="startsAt"/>; those already past are skipped.</summary>
    public static IEnumerable<Reminder> Plan(Guid registrationId, DateTimeOffset startsAt, IEnumerable<int> minutesBefore, DateTimeOffset now) =>
        minutesBefore.Distinct()
            .Select(m => (Minutes: m, Due: startsAt.ToUniversalTime().AddMinutes(-m)))
            .Where(x => x.Due > now)
            .Select(x => new Reminder
            {
                Id = Guid.CreateVersion7(now), RegistrationId = registrationId, MinutesBefore = x.Minutes, DueAt = x.Due, CreatedAt = now,
            });
}

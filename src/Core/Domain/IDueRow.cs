namespace LiveHire.Core.Domain;

/// <summary>A row that says something is owed at <see cref="DueAt"/>, taken by one dispatcher at a time with a lease (ADR 0008).</summary>
public interface IDueRow
{
    Guid Id { get; }
    ReminderStatus Status { get; }
    DateTimeOffset DueAt { get; }
    Guid? ClaimToken { get; }
    DateTimeOffset? ClaimedUntil { get; }
    int Attempts { get; }
}

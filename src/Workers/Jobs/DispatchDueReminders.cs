using LiveHire.Core.Fairs;

namespace LiveHire.Workers.Jobs;

/// <summary>Every minute: sends the reminders that are due. The rows are the facts; this job is only their trigger.</summary>
public sealed class DispatchDueReminders(ReminderDispatcher dispatcher)
{
    public const string Id = "dispatch-due-reminders";

    public Task<int> RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}

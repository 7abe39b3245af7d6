using LiveHire.Core.Fairs;

namespace LiveHire.Workers.Jobs;

/// <summary>
/// Every minute: writes the go-live reminders and morning digests of the next two days as rows, then sends those due.
/// The rows are the facts (ADR 0008); this job is only their trigger, and safe to run twice or on two Workers at once.
/// </summary>
public sealed class DispatchStaffNotices(StaffNoticePlanner planner, StaffNoticeDispatcher dispatcher)
{
    public const string Id = "dispatch-staff-notices";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await planner.PlanAsync(cancellationToken);
        return await dispatcher.DispatchDueAsync(cancellationToken);
    }
}

using Hangfire;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveHire.Workers.Jobs;

/// <summary>
/// Sends reminders and staff notices seconds after they come due rather than at the next minutely run: every
/// <see cref="ReminderOptions.PollSeconds"/> it asks whether any pending, unclaimed row is due (an index seek, usually
/// none) and, if so, enqueues the dispatch job. The rows stay the facts and the jobs claim them (ADR 0008), so a job
/// enqueued by two servers, or beside the minutely run, sends nothing twice.
/// </summary>
public sealed partial class DueNoticeWatcher(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<DueNoticeWatcher> logger) : DatabasePoller(scopes, clock)
{
    // A dispatch run that is still sending is not followed by another for this long, so a long backlog is not enqueued
    // again every few seconds (a second one would only split the claims, but the queue need not fill with them).
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);
    private DateTimeOffset remindersEnqueued = DateTimeOffset.MinValue;
    private DateTimeOffset noticesEnqueued = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => options.Value.Poll;

    protected override Task<int> PollAsync(LiveHireDbContext db, CancellationToken cancellationToken) => EnqueueDueAsync(db, cancellationToken);

    /// <summary>Enqueues the reminder and the staff-notice dispatch when rows of theirs are due; returns how many jobs it enqueued.</summary>
    public async Task<int> EnqueueDueAsync(LiveHireDbContext db, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var count = 0;
        if (now - remindersEnqueued >= Quiet && await AnyDueAsync(db.Reminders, now, cancellationToken))
        {
            jobs.Enqueue<DispatchDueReminders>(j => j.RunAsync(CancellationToken.None));
            (remindersEnqueued, count) = (now, count + 1);
        }
        if (now - noticesEnqueued >= Quiet && await AnyDueAsync(db.StaffNotices, now, cancellationToken))
        {
            jobs.Enqueue<DispatchStaffNotices>(j => j.RunAsync(CancellationToken.None));
            (noticesEnqueued, count) = (now, count + 1);
        }
        return count;
    }

    private static Task<bool> AnyDueAsync<T>(DbSet<T> rows, DateTimeOffset now, CancellationToken ct) where T : class, IDueRow =>
        rows.AnyAsync(r => r.Status == ReminderStatus.Pending && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now), ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due reminders failed; trying again at the next poll")]
    protected override partial void LogPollFailed(Exception exception);
}

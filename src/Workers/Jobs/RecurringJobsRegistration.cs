using Hangfire;
using LiveHire.Workers.Jobs.Recordings;
using Microsoft.Extensions.Hosting;

namespace LiveHire.Workers.Jobs;

/// <summary>Declares the recurring jobs at start-up. AddOrUpdate is idempotent, so every Workers process may do it.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<PurgeExpiredPhoneCodes>(PurgeExpiredPhoneCodes.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<ArchivePendingRecordings>(ArchivePendingRecordings.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<DeleteExpiredRecordings>(DeleteExpiredRecordings.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<GenerateFairEditions>(GenerateFairEditions.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<DispatchDueReminders>(DispatchDueReminders.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<DispatchStaffNotices>(DispatchStaffNotices.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using Hangfire.Redis.StackExchange;
using Hangfire.Storage.SQLite;
using LiveHire.Core.Options;
using LiveHire.Workers.Jobs;
using LiveHire.Workers.Jobs.Recordings;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.Workers;

/// <summary>Hangfire storage, server and recurring jobs, for the Workers process and for Web in Embedded mode.</summary>
public static class WorkersHostingExtensions
{
    /// <summary>
    /// Hangfire with storage for the mode: a SQLite file that survives a restart (Embedded) or Redis (Distributed).
    /// With <paramref name="runServer"/> false the host only enqueues and shows the dashboard.
    /// </summary>
    public static IServiceCollection AddLiveHireJobs(this IServiceCollection services, LiveHireOptions options, bool runServer)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Mode == RunMode.Embedded)
                config.UseSQLiteStorage(Path.Combine(options.DataDirectory, "jobs.db"),
                    // The default (15 s) delays every enqueued job by up to that long; an idle worker's poll is one small read.
                    new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            else
                config.UseRedisStorage(options.Redis, new RedisStorageOptions { Prefix = $"{options.RedisPrefix}:hangfire:" });
        });
        if (runServer)
        {
            services.AddHangfireServer(o =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // Two cores: a few workers keep jobs moving without starving the web and realtime work in the same process.
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
            });
            services.AddHostedService<RecurringJobsRegistration>();
            services.AddHostedService<NewRecordingWatcher>();
            services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddHostedService<DueNoticeWatcher>();
        }
        services.AddScoped<PurgeExpiredPhoneCodes>();
        services.AddScoped<ArchiveRecording>();
        services.AddScoped<ArchivePendingRecordings>();
        services.AddScoped<DeleteExpiredRecordings>();
        services.AddScoped<GenerateFairEditions>();
        services.AddScoped<DispatchDueReminders>();
        services.AddScoped<DispatchStaffNotices>();
        return services;
    }
}

using LiveHire.IntegrationTests.Testing;
using Hangfire;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Hosting;
using LiveHire.Core.Ports;
using LiveHire.Testing;
using LiveHire.Workers;
using LiveHire.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>
/// Two Workers hosts (each a real Hangfire server, composed as the Workers process composes itself) share one job store
/// and one database; the dispatch job is enqueued many times on both (and by each server's due-notice watcher). Each due
/// reminder still arrives exactly once; with no minutely run at all, the watcher alone sends it within seconds.
/// </summary>
[Collection(HangfireGlobalState.Name)]
public sealed class TwoWorkersReminderTests(TestServers servers) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero); // 09:00 Beijing
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private readonly string prefix = $"t{Guid.NewGuid():N}";
    private readonly string directory = TestTempDirectory.Create("workers");
    private readonly List<IHost> hosts = [];

    [Fact]
    public Task Two_Hangfire_servers_on_Redis_send_each_reminder_once() => RunAsync(new()
    {
        ["LiveHire:Mode"] = "Distributed", ["LiveHire:Postgres"] = null, ["LiveHire:Redis"] = servers.RedisConnectionString,
        ["LiveHire:BlobStorage"] = servers.BlobConnectionString, ["LiveHire:RedisPrefix"] = prefix,
    });

    [Fact]
    public Task Two_Hangfire_servers_on_the_Embedded_SQLite_store_send_each_reminder_once() => RunAsync(new()
    {
        ["LiveHire:Mode"] = "Embedded", ["LiveHire:DataDirectory"] = directory, ["LiveHire:RedisPrefix"] = prefix,
    });

    [Fact]
    public async Task A_due_reminder_goes_out_within_seconds_with_no_minutely_run_and_no_one_enqueuing_it()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        var host = Host(new() { ["LiveHire:Mode"] = "Embedded", ["LiveHire:DataDirectory"] = directory, ["LiveHire:RedisPrefix"] = prefix }, redis);
        await SeedAsync(host.Services);
        clock.SetUtcNow(Start);

        await host.StartAsync(Ct);
        // Only the watcher may send it: the recurring dispatch jobs are gone, and nobody enqueues one.
        var recurring = host.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(DispatchDueReminders.Id);
        recurring.RemoveIfExists(DispatchStaffNotices.Id);

        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
            return await db.Reminders.CountAsync(r => r.Status == ReminderStatus.Sent, Ct) == 3;
        });
        await using var check = host.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<LiveHireDbContext>().Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder, Ct))
            .ShouldBe(3);
    }

    private async Task RunAsync(Dictionary<string, string?> settings)
    {
        if (settings["LiveHire:Mode"] == "Distributed") settings["LiveHire:Postgres"] = await servers.CreatePostgresDatabaseAsync(Ct);
        using var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        var first = Host(settings, redis);
        var second = Host(settings, redis);
        await SeedAsync(first.Services);
        clock.SetUtcNow(Start); // a day, an hour and the start: all three reminders are due

        foreach (var host in hosts) await host.StartAsync(Ct);
        foreach (var host in hosts)
            for (var i = 0; i < 10; i++)
                host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DispatchDueReminders>(j => j.RunAsync(CancellationToken.None));
        await WaitUntilAsync(async () => first.Services.GetRequiredService<JobStorage>().GetMonitoringApi() is var m
            && m.SucceededListCount() >= 20 && m.EnqueuedCount("default") == 0 && m.ProcessingCount() == 0);

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        (await db.Reminders.CountAsync(r => r.Status == ReminderStatus.Sent, Ct)).ShouldBe(3);
        (await db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder, Ct)).ShouldBe(3);
        (await db.Outbox.CountAsync(m => m.Recipient == "13900139000", Ct)).ShouldBe(3, "one SMS per reminder");
        (await redis.GetDatabase().StreamLengthAsync(LiveEventStream.Key(prefix))).ShouldBe(3, "one live push per reminder");
    }

    private IHost Host(Dictionary<string, string?> settings, IConnectionMultiplexer redis)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        var options = builder.AddLiveHireCore();
        builder.Services.AddLiveHireJobs(options, runServer: true);
        builder.Services.AddSingleton<TimeProvider>(clock);
        // Embedded mode's notifier lives in the in-process Realtime; both modes publish to the Redis stream here.
        builder.Services.AddSingleton<ILiveNotifier>(new RedisStreamLiveNotifier(redis, prefix));
        var host = builder.Build();
        hosts.Add(host);
        return host;
    }

    private async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        await db.Database.MigrateAsync(Ct);
        var now = clock.GetUtcNow();
        var organizer = Organization.Create("沙坪坝区就业服务中心", OrganizationKind.Organizer, "沙坪坝区", now);
        var series = FairSeries.Create(organizer.Id, "赶集日", "", Recurrence.Once(new DateOnly(2026, 11, 28), new TimeOnly(9, 0), TimeSpan.FromHours(4)),
            "Asia/Shanghai", ["沙坪坝区"], [TargetGroup.GigWorkers], [], null, now).Value!;
        var candidate = new User { UserName = $"c{Guid.NewGuid():N}", DisplayName = "王师傅", PhoneNumber = "13900139000", CreatedAt = now };
        db.AddRange(organizer, series, candidate);
        await db.SaveChangesAsync(Ct);
        (await scope.ServiceProvider.GetRequiredService<FairEditions>().GenerateAsync(series.Id, Ct)).ShouldBe(1);
        var fair = await db.Fairs.SingleAsync(f => f.SeriesId == series.Id, Ct);
        var registration = FairRegistration.Create(candidate.Id, fair.Id, null, now);
        db.FairRegistrations.Add(registration);
        await db.SaveChangesAsync(Ct);
        (await scope.ServiceProvider.GetRequiredService<ReminderSchedule>().ScheduleAsync(fair.Id, registration.Id, Ct)).ShouldBe(3);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The Hangfire servers did not finish the dispatch jobs within 60 s.");
            await Task.Delay(200, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        // Hangfire keeps its log provider in a static, pointing at the stopped hosts' disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        TestTempDirectory.Delete(directory);
    }
}

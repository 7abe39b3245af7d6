using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.InMemory;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveHire.Bench.Harness;

/// <summary>
/// What the bench runs when started as a <see cref="BenchChild"/>. Both roles compose Core with the same
/// <c>AddLiveHireCore</c> Workers uses (Distributed mode from the LiveHire__* settings: PostgreSQL, the Redis stream
/// notifier, the SMS outbox), so a reminder goes through exactly the services it goes through in Workers.
/// </summary>
public static class ChildRoles
{
    public static async Task<int> RunAsync(string role)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddLiveHireCore();
        using var host = builder.Build();
        return role switch
        {
            "reminder-dispatcher" => await DispatchRemindersAsync(host.Services),
            "hangfire-baseline" => await HangfireBaselineAsync(host.Services),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown child role."),
        };
    }

    private static int Setting(string name) => int.Parse(Environment.GetEnvironmentVariable(name)!, CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="ReminderDispatcher.DispatchDueAsync"/> in BENCH_DISPATCHERS loops at once, each run in its own DI scope (a new
    /// DbContext), as Hangfire runs the dispatch-due-reminders job on Workers' workers (two on one core); a run that found
    /// nothing waits 50 ms. Runs until "stop".
    /// </summary>
    private static async Task<int> DispatchRemindersAsync(IServiceProvider services)
    {
        var loops = Setting("BENCH_DISPATCHERS");
        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go") return 1;
        using var stop = new CancellationTokenSource();
        var stopped = Task.Run(async () => { await Console.In.ReadLineAsync(); await stop.CancelAsync(); });
        long runs = 0, emptyRuns = 0, sent = 0;
        var workers = Enumerable.Range(0, loops).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    var count = await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(stop.Token);
                    Interlocked.Increment(ref runs);
                    Interlocked.Add(ref sent, count);
                    if (count == 0)
                    {
                        Interlocked.Increment(ref emptyRuns);
                        await Task.Delay(50, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            }
        })).ToList();
        await stopped;
        await Task.WhenAll(workers);
        Console.WriteLine($"result {JsonSerializer.Serialize(new DispatcherResult(runs, emptyRuns, sent))}");
        return 0;
    }

    /// <summary>
    /// The baseline: BENCH_JOBS fire-and-forget jobs enqueued in Hangfire's in-memory storage before "ready" (not measured),
    /// then on "go" a BackgroundJobServer with Workers' worker count runs them; each job writes one notification row through
    /// the same DbContext. Stops when all ran or after BENCH_BOUND_SECONDS.
    /// </summary>
    private static async Task<int> HangfireBaselineAsync(IServiceProvider services)
    {
        var jobs = Setting("BENCH_JOBS");
        var user = Guid.Parse(Environment.GetEnvironmentVariable("BENCH_USER")!);
        var bound = TimeSpan.FromSeconds(Setting("BENCH_BOUND_SECONDS"));
        using var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        BaselineJob.Services = services;
        for (var i = 0; i < jobs; i++)
        {
            var id = Guid.CreateVersion7();
            client.Enqueue(() => BaselineJob.WriteNotificationAsync(user, id));
        }
        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go") return 1;
        BaselineJob.Clock.Restart();
        using (new BackgroundJobServer(new BackgroundJobServerOptions
        {
            // As Workers sets it: on the one server core this is 2.
            WorkerCount = Math.Max(2, Environment.ProcessorCount * 2),
            ServerName = "bench-baseline",
        }, storage))
        {
            while (BaselineJob.Done < jobs && BaselineJob.Clock.Elapsed < bound) await Task.Delay(5);
        }
        var lateness = BaselineJob.Lateness.OrderBy(ms => ms).ToList();
        // Over all the jobs: a rank not reached within the bound is -1 (JSON has no NaN), and the bench reports it as later than the bound.
        double Percentile(double p) => Math.Ceiling(p * jobs) is var rank && rank > lateness.Count ? -1 : Math.Round(lateness[Math.Max((int)rank, 1) - 1], 1);
        Console.WriteLine($"result {JsonSerializer.Serialize(new BaselineResult(BaselineJob.Done, BaselineJob.Runs.Count(r => r.Value > 1),
            lateness.Count == 0 ? 0 : lateness[^1], Percentile(0.5), Percentile(0.99), lateness.Count(ms => ms <= 60_000)))}");
        // Alive until the bench has read this process's CPU time (a process that has exited has none to read).
        await Console.In.ReadLineAsync();
        return 0;
    }

    public sealed record DispatcherResult(long Runs, long EmptyRuns, long Sent);

    /// <param name="LastMs">When the last job finished, ms after "go".</param>
    /// <param name="P50Ms">-1 when fewer than half the jobs finished within the bound.</param>
    public sealed record BaselineResult(int Done, int RunTwice, double LastMs, double P50Ms, double P99Ms, int Within60s);

    /// <summary>The baseline's job: one notification row, as a reminder's in-app notification.</summary>
    public static class BaselineJob
    {
        public static IServiceProvider Services { get; set; } = null!;
        public static Stopwatch Clock { get; } = new();
        public static ConcurrentDictionary<Guid, int> Runs { get; } = new();
        public static ConcurrentBag<double> Lateness { get; } = [];
        private static int done;
        public static int Done => Volatile.Read(ref done);

        public static async Task WriteNotificationAsync(Guid userId, Guid id)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.Notifications.Add(Notification.Create(userId, NotificationKind.Reminder, "hangfire-baseline", "基线任务", null, now, id));
            await db.SaveChangesAsync();
            Runs.AddOrUpdate(id, 1, (_, n) => n + 1);
            Lateness.Add(Clock.Elapsed.TotalMilliseconds);
            Interlocked.Increment(ref done);
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (6) Reminders: N reminders of registered candidates, all due at one instant, sent by LiveHire's ReminderDispatcher
/// (composed as in Workers, in a child process on the server core); against Hangfire with in-memory storage running N
/// jobs that each write one notification row, in the same run.
/// </summary>
public sealed class Reminders : IScenario
{
    public int Number => 6;
    public string Title => "Reminders (due reminders dispatched vs Hangfire in-memory)";

    private const int Fairs = 10;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = context.Options;
        var deployment = context.Deployment;
        var settings = deployment.Settings;
        var n = options.Reminders - options.Reminders % Fairs;
        var candidates = n / Fairs;
        await using var db = Db(settings["LiveHire__Postgres"]);

        var seeding = Stopwatch.StartNew();
        var (fairIds, firstCandidate) = await SeedAsync(db, candidates, ct);
        var ours = (await db.Reminders.AsNoTracking().Where(r => fairIds.Contains(r.Registration!.FairId)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        Console.WriteLine($"  seeded {candidates:N0} candidates × {Fairs} fairs = {ours.Count:N0} reminders in {seedSeconds:0} s");

        await using var dispatcher = await BenchChild.StartAsync("reminder-dispatcher",
            new Dictionary<string, string>(settings) { ["BENCH_DISPATCHERS"] = $"{options.ReminderDispatchers}" }, ct);
        // Seeded far ahead, then all made due at one instant a few seconds out, so neither seeding nor this update is measured.
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(5);
        dueAt = dueAt.AddTicks(-(dueAt.Ticks % TimeSpan.TicksPerMillisecond));
        await db.Reminders.Where(r => fairIds.Contains(r.Registration!.FairId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, dueAt), ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Reminders\"", ct);
        var madeDueLate = DateTimeOffset.UtcNow > dueAt;

        var redis = await ConnectionMultiplexer.ConnectAsync(deployment.Redis.ConnectionString);
        var stream = LiveEventStream.Key(settings["LiveHire__RedisPrefix"]);
        var watcher = new StreamWatcher(redis.GetDatabase(), stream, ours, dueAt);
        await watcher.StartAtEndAsync();
        await dispatcher.SendAsync("go");

        Func<double> postgres = deployment.PostgresCpuSeconds;
        double Seconds(IEnumerable<int> pids) => pids.Sum(ProcFs.CpuSeconds);
        var cpu = new CpuMeter(new Dictionary<string, Func<double>>
        {
            ["dispatcher"] = () => ProcFs.CpuSeconds(dispatcher.Pid), ["PostgreSQL"] = postgres,
            ["Redis"] = deployment.RedisCpuSeconds,
            ["Realtime"] = () => Seconds(deployment.Realtime.Select(r => r.Pid)), ["load generator"] = () => Seconds(context.LoadGenerator),
        });
        var untilDue = dueAt - DateTimeOffset.UtcNow;
        if (untilDue > TimeSpan.Zero) await Task.Delay(untilDue, ct);
        cpu.Start();
        Console.WriteLine($"  {ours.Count:N0} reminders due at {dueAt:HH:mm:ss.fff}; {options.ReminderDispatchers} dispatch loops back to back (bound {options.ReminderBound.TotalSeconds:0} s) …");
        var bound = Stopwatch.StartNew();
        while (watcher.Distinct < ours.Count && bound.Elapsed < options.ReminderBound) await watcher.ReadAsync(ct);
        var liveCpu = cpu.Stop();
        await dispatcher.SendAsync("stop");
        var runs = JsonSerializer.Deserialize<ChildRoles.DispatcherResult>(await dispatcher.ReadAsync("result", TimeSpan.FromSeconds(60), ct))!;
        // Whatever was in flight when the dispatcher stopped is published by now.
        await Task.Delay(500, ct);
        await watcher.ReadAsync(ct);

        var sentInDb = await db.Reminders.CountAsync(r => fairIds.Contains(r.Registration!.FairId) && r.Status == ReminderStatus.Sent, ct);
        var notifications = await db.Notifications.CountAsync(x => db.Reminders.Any(r => r.Id == x.Id && fairIds.Contains(r.Registration!.FairId)), ct);
        var smsTwice = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM (SELECT 1 FROM \"Outbox\" WHERE \"Recipient\" LIKE '1390%' GROUP BY \"Recipient\", \"Body\" HAVING count(*) > 1) AS twice").SingleAsync(ct);
        var sms = await db.Outbox.CountAsync(o => o.Recipient.StartsWith("1390"), ct);
        Console.WriteLine($"    LiveHire: {watcher.Distinct:N0} published, last after {watcher.LastMs / 1000:0.0} s; in PostgreSQL {sentInDb:N0} sent, {notifications:N0} notifications, {sms:N0} SMS");

        await using var baselineChild = await BenchChild.StartAsync("hangfire-baseline", new Dictionary<string, string>(settings)
        {
            ["BENCH_JOBS"] = $"{n}", ["BENCH_USER"] = $"{firstCandidate}", ["BENCH_BOUND_SECONDS"] = $"{options.ReminderBound.TotalSeconds:0}",
        }, ct);
        var baselineCpuMeter = new CpuMeter(new Dictionary<string, Func<double>>
        {
            ["Hangfire"] = () => ProcFs.CpuSeconds(baselineChild.Pid), ["PostgreSQL"] = postgres, ["load generator"] = () => Seconds(context.LoadGenerator),
        });
        baselineCpuMeter.Start();
        await baselineChild.SendAsync("go");
        var baseline = JsonSerializer.Deserialize<ChildRoles.BaselineResult>(
            await baselineChild.ReadAsync("result", options.ReminderBound + TimeSpan.FromSeconds(60), ct))!;
        var baselineCpu = baselineCpuMeter.Stop();
        await baselineChild.SendAsync("stop");
        var baselineRows = await db.Notifications.CountAsync(x => x.Title == "hangfire-baseline", ct);
        Console.WriteLine($"    Hangfire in-memory: {baseline.Done:N0} jobs, last after {baseline.LastMs / 1000:0.0} s; {baselineRows:N0} rows");

        var allSent = watcher.Distinct == ours.Count;
        var liveRate = watcher.Distinct / (Math.Max(watcher.LastMs, 1) / 1000);
        var baselineRate = baseline.Done / (Math.Max(baseline.LastMs, 1) / 1000);
        var twice = watcher.Twice + smsTwice;
        var deployed = "as deployed, each Workers' DueNoticeWatcher enqueues dispatch-due-reminders within 5 s of the due time (the minutely " +
                       "run is the safety net) and a run claims batch after batch of 500 for up to 10 minutes, so the loops here, back to back, " +
                       "drain a backlog as those runs do rather than a batch a minute";
        List<Figure> figures =
        [
            new($"reminders/s, {n:N0} due at once", Math.Round(liveRate), "/s", Math.Round(baselineRate), "—", null, liveCpu, baselineCpu),
            Lateness("p50", watcher.Percentile(0.5, n), baseline.P50Ms < 0 ? double.NaN : baseline.P50Ms, watcher.Distinct, baseline.Done, n, options.ReminderBound, liveCpu, baselineCpu),
            Lateness("p99", watcher.Percentile(0.99, n), baseline.P99Ms < 0 ? double.NaN : baseline.P99Ms, watcher.Distinct, baseline.Done, n, options.ReminderBound, liveCpu, baselineCpu),
            new("reminders sent within 60 s", watcher.Within(60_000), "", baseline.Within60s, $"all {n:N0}", watcher.Within(60_000) == n, liveCpu, baselineCpu,
                deployed + (watcher.Within(60_000) == n ? "; back to back all were sent within 60 s" :
                    $"; even back to back {watcher.Within(60_000):N0} of {n:N0} were sent within 60 s: {Saturation(liveCpu)}")),
            new("reminders sent twice", twice, "", baseline.RunTwice, "0", twice == 0, liveCpu, baselineCpu),
        ];
        List<string> notes =
        [
            $"Seeding (not measured): one organiser and {Fairs} fairs through the entities (Organization.Create, Fair.Create), then {candidates:N0} candidates " +
            $"with phone numbers, a whole-fair registration of each to each fair and one pending reminder (60 min before) per registration, written set-wise " +
            $"(INSERT … SELECT generate_series) into the tables the EF model maps; then all {n:N0} made due at one instant 5 s ahead and VACUUM ANALYZE " +
            $"(seeding {seedSeconds:0} s{(madeDueLate ? "; the update finished after the due instant, which adds to the lateness" : "")}).",
            $"LiveHire: the bench started as a child process on the server core composes Core with AddLiveHireCore (Distributed: PostgreSQL, the Redis " +
            $"live-event stream, the SMS outbox) like Workers, and runs ReminderDispatcher.DispatchDueAsync (what the dispatch-due-reminders job calls) in " +
            $"{options.ReminderDispatchers} loops at once, each run in its own scope, as Workers' {options.ReminderDispatchers} Hangfire workers on one core " +
            $"would; an empty run waits 50 ms ({runs.Runs:N0} runs, {runs.EmptyRuns:N0} empty). Each batch of up to 500 due reminders is one conditional " +
            "UPDATE claim, one read of the reminders with their registration, fair and the candidate's phone, one commit of their SMS outbox rows, " +
            "notifications and sent marks, then their XADDs to the live-event stream, all at once.",
            $"Sent time = the Redis stream entry's id (Redis's clock at XADD, after the commit), read by the bench as it arrives; lateness = that − the due " +
            $"instant. {watcher.Distinct:N0} of {n:N0} reached the stream in the {options.ReminderBound.TotalSeconds:0} s bound; PostgreSQL has {sentInDb:N0} " +
            $"marked sent, {notifications:N0} notifications and {sms:N0} SMS outbox rows for them{(sms > sentInDb ? $" ({sms - sentInDb} SMS for a reminder not yet marked sent: the dispatcher was stopped at the bound between the SMS and the commit, the window ADR 0008 names; such a reminder is sent again after its lease)" : "")}. Twice = reminder ids seen twice on the stream " +
            $"({watcher.Twice}) + SMS recipients with the same text twice ({smsTwice}); the notification's primary key is the reminder's id.",
            $"Baseline: Hangfire {typeof(Hangfire.BackgroundJobServer).Assembly.GetName().Version?.ToString(3)} with Hangfire.InMemory in the same kind " +
            $"of child process, {n:N0} fire-and-forget jobs enqueued before the start (not measured), a BackgroundJobServer with Workers' worker count, " +
            $"each job writing one notification row through the same DbContext to the same PostgreSQL ({baselineRows:N0} rows written); lateness = job " +
            "finished − server started. It does not claim, read the registration, write the SMS or publish, which a reminder must.",
        ];
        return new(Number, Title, figures, notes);
    }

    /// <summary>A lateness percentile over all <paramref name="n"/> reminders: when its rank was not sent within the bound, it is only known to be later.</summary>
    private static Figure Lateness(string p, double live, double baseline, int liveSent, int baselineDone, int n, TimeSpan bound, CpuUse liveCpu, CpuUse baselineCpu)
    {
        var notReached = new List<string>();
        if (double.IsNaN(live)) notReached.Add($"LiveHire published {liveSent:N0} of {n:N0}");
        if (double.IsNaN(baseline)) notReached.Add($"Hangfire finished {baselineDone:N0} of {n:N0}");
        return new($"{p} lateness (published − due)", live, "ms", baseline, "—", null, liveCpu, baselineCpu,
            notReached.Count == 0 ? "" : $"n/a means later than the {bound.TotalSeconds:0} s bound: {string.Join("; ", notReached)} within it, fewer than this percentile needs");
    }

    private static string Saturation(CpuUse cpu)
    {
        var server = cpu.Processes.Where(p => p.Key != "load generator").Sum(p => p.Value);
        return $"the server core ran {string.Join(" + ", cpu.Processes.Where(p => p.Key != "load generator").Select(p => $"{p.Key} {p.Value:0.00}"))} " +
               $"= {server:0.00} cores (core busy {string.Join("/", cpu.CoreBusy.Select(b => b.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}): " +
               "a batch of up to 500 reminders is a claim UPDATE, two reads and one commit per loop, then its XADDs";
    }

    private static PostgresLiveHireDbContext Db(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresLiveHireDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<(List<Guid> Fairs, Guid FirstCandidate)> SeedAsync(PostgresLiveHireDbContext db, int candidates, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var organizer = Organization.Create("压测就业服务中心", OrganizationKind.Organizer, "九龙坡区", now);
        db.Organizations.Add(organizer);
        var startsAt = now.AddDays(30);
        var fairs = Enumerable.Range(1, Fairs).Select(i => Fair.Create(organizer.Id, $"压测招聘会 {i}", "春风行动专场", "九龙坡区", startsAt, startsAt.AddHours(4), now).Value!).ToList();
        db.Fairs.AddRange(fairs);
        await db.SaveChangesAsync(ct);
        var fairIds = fairs.Select(f => f.Id).ToList();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "EmailConfirmed", "PhoneNumber",
                "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp")
            SELECT gen_random_uuid(), '压测求职者' || g, {1}, 'bench-reminder-' || g, 'BENCH-REMINDER-' || g, false, '1390' || lpad(g::text, 7, '0'),
                true, false, true, 0, md5(g::text), md5(g::text)
            FROM generate_series(1, {0}) AS g
            """, [candidates, now], ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "FairRegistrations" ("Id", "FairId", "SessionId", "Scope", "CandidateId", "CreatedAt")
            SELECT gen_random_uuid(), f, NULL, 'fair', u."Id", {1}
            FROM unnest({0}) AS f CROSS JOIN "AspNetUsers" AS u WHERE u."UserName" LIKE 'bench-reminder-%'
            """, [fairIds.ToArray(), now], ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Reminders" ("Id", "RegistrationId", "MinutesBefore", "DueAt", "Status", "ClaimToken", "ClaimedUntil", "Attempts", "SentAt", "CreatedAt")
            SELECT gen_random_uuid(), r."Id", 60, {1}, {2}, NULL, NULL, 0, NULL, {3}
            FROM "FairRegistrations" AS r WHERE r."FairId" = ANY({0})
            """, [fairIds.ToArray(), startsAt.AddHours(-1), (int)ReminderStatus.Pending, now], ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        var first = await db.Users.Where(u => u.UserName == "bench-reminder-1").Select(u => u.Id).SingleAsync(ct);
        return (fairIds, first);
    }

    /// <summary>Reads the live-event stream as it grows: each of our reminders' NotificationAdded, when it was added, and repeats.</summary>
    private sealed class StreamWatcher(IDatabase redis, RedisKey stream, HashSet<Guid> ours, DateTimeOffset dueAt)
    {
        private readonly Dictionary<Guid, int> seen = [];
        private readonly List<double> latenessMs = [];
        private RedisValue position = "0-0";

        public int Distinct => seen.Count;
        public int Twice => seen.Count(s => s.Value > 1);
        public double LastMs { get; private set; }

        /// <summary>The lateness at rank p·n among all n reminders (those not published rank last); NaN when that rank was not published.</summary>
        public double Percentile(double p, int n)
        {
            var rank = (int)Math.Ceiling(p * n);
            if (rank > latenessMs.Count) return double.NaN;
            return latenessMs.Order().ElementAt(Math.Max(rank, 1) - 1);
        }
        public int Within(double ms) => latenessMs.Count(l => l <= ms);

        public async Task StartAtEndAsync()
        {
            var last = await redis.StreamRangeAsync(stream, "-", "+", 1, Order.Descending);
            if (last.Length > 0) position = last[0].Id;
        }

        public async Task ReadAsync(CancellationToken ct)
        {
            var entries = await redis.StreamReadAsync(stream, position, 2000);
            if (entries.Length == 0)
            {
                await Task.Delay(5, ct);
                return;
            }
            foreach (var entry in entries)
            {
                position = entry.Id;
                using var json = JsonDocument.Parse((string)entry[LiveEventStream.Field]!);
                if (!json.RootElement.TryGetProperty("NotificationId", out var idElement) || !idElement.TryGetGuid(out var id) || !ours.Contains(id)) continue;
                var count = seen.GetValueOrDefault(id) + 1;
                seen[id] = count;
                if (count > 1) continue;
                var addedMs = long.Parse(((string)entry.Id!).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
                var ms = addedMs - dueAt.ToUnixTimeMilliseconds();
                latenessMs.Add(ms);
                LastMs = Math.Max(LastMs, ms);
            }
        }
    }
}

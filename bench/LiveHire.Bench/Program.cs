using System.Diagnostics;
using System.Net.Http.Json;
using LiveHire.Bench;
using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;
using LiveHire.Bench.Scenarios;
using LiveHire.Testing;

// One command runs it all: dotnet run -c Release --project bench/LiveHire.Bench [-- --quick] [--only 1,2] (-- --help: BenchArguments)
// (-- --render bench/results/full.json re-writes the report of a stored run.)
// The bench started again by itself as a server-side helper (the reminder dispatcher, the Hangfire baseline): see BenchChild.
if (args is ["--child", var role]) return await ChildRoles.RunAsync(role);
// Re-writes docs/benchmarks.md (and latest.json) from a stored run, measuring nothing: for when METHOD.md changes after a run.
if (args is ["--render", var stored])
{
    if (!File.Exists(stored))
    {
        Console.Error.WriteLine($"{stored}: no such file (the stored runs are bench/results/full.json and quick.json).");
        return 2;
    }
    var storedReport = System.Text.Json.JsonSerializer.Deserialize<BenchReport>(await File.ReadAllTextAsync(stored), Json.Options)
        ?? throw new InvalidOperationException($"{stored} holds no report.");
    await ReportWriter.WriteAsync(storedReport, RepoPaths.Root);
    Console.WriteLine($"docs/benchmarks.md re-written from {stored} (the {storedReport.Run} run of {storedReport.StartedAt:yyyy-MM-dd HH:mm} UTC)");
    return 0;
}
// The vote storm asks its questions while the askers' slow-mode windows are still fresh (after a fan-out they are used up
// for 30 s); the fan-outs then start once most windows have passed, which the storm and the resume drop take longer than,
// and the reminders (no askers) run between the fan-out and the scale-out, so the windows pass meanwhile.
IScenario[] scenarios = [new Connections(), new VoteStorm(), new ResumeDrop(), new QaFanOut(), new Reminders(), new ScaleOut(), new LiveVideo(), new JobSearch()];
BenchArguments parsed;
try { parsed = BenchArguments.Parse(args, scenarios); }
catch (FormatException wrong)
{
    Console.Error.WriteLine($"{wrong.Message}{Environment.NewLine}{Environment.NewLine}{BenchArguments.Usage(scenarios)}");
    return 2;
}
if (parsed.Help)
{
    Console.WriteLine(BenchArguments.Usage(scenarios));
    return 0;
}
var options = parsed.Quick ? BenchOptions.Quick : BenchOptions.Full;
var only = parsed.Only;
// --only 2,5 runs just those scenarios (while working on one); the report then lists only them.
if (only is not null) scenarios = [.. scenarios.Where(s => only.Contains(s.Number))];
if (Prerequisite.Missing([.. Prerequisite.Deployment, .. scenarios.SelectMany(s => s.Needs)]) is { } missing)
{
    Console.Error.WriteLine(missing);
    return 2;
}

var command = "dotnet run -c Release --project bench/LiveHire.Bench" + (options == BenchOptions.Quick || only is not null ? " --" : "")
    + (options == BenchOptions.Quick ? " --quick" : "") + (only is null ? "" : $" --only {string.Join(',', only)}");
var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
// Everything stops by itself: a run that overruns this is cancelled and its servers stopped.
using var budget = new CancellationTokenSource(options == BenchOptions.Quick ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(20));
// Ctrl+C or SIGTERM cancels the run instead of killing it, so the servers it started are stopped on the way out.
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Cancel);
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Cancel);
void Cancel(System.Runtime.InteropServices.PosixSignalContext signal)
{
    signal.Cancel = true;
    budget.Cancel();
}
var ct = budget.Token;

var loadAtStart = ProcFs.LoadAverage();
var files = FileLimit.Raise(200_000);
// Each viewer is a socket in the server and one in the load generator; stay clear of the file limit rather than fail on it.
var connectionsCap = (int)Math.Min(int.MaxValue, files) - 1_000;
if (options.ConnectionsTarget > connectionsCap) options = options with { ConnectionsTarget = connectionsCap, ConnectionsTargetCappedFrom = options.ConnectionsTarget };
await Pinning.PinLoadGeneratorAsync();
var pinning = Pinning.Enabled
    ? $"taskset: servers (Redis, PostgreSQL, Azurite, Web, Realtime, bare hub) on core {Pinning.ServerCores}, load generator on core {Pinning.LoadCores}"
    : "none (fewer than 2 cores or no taskset): servers and load generator share the cores";
Console.WriteLine($"LiveHire bench ({options.Name}): {Environment.ProcessorCount} cores; {pinning}; RLIMIT_NOFILE {files}");

List<ScenarioResult> results = [];
double setupSeconds = 0;
// The load generator's own warm-up (FanOutRun.WarmUpLoadGeneratorAsync) when a fan-out will be measured.
var warmLoadGenerator = scenarios.Any(s => s is QaFanOut or ScaleOut);
try
{
    await using (var deployment = await BenchDeployment.StartAsync(ct))
    {
        Console.WriteLine($"Distributed deployment up after {clock.Elapsed.TotalSeconds:0} s (Web {deployment.Web.BaseUrl}, Realtime {string.Join(", ", deployment.Realtime.Select(r => r.BaseUrl))}, bare hub {deployment.BareHub.BaseUrl})");
        using var http = new HttpClient { BaseAddress = deployment.Web.BaseUrl };
        var sessionId = (await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.First(s => s.Status == "Live").Id;

        // The candidates are written into PostgreSQL with their sign-in cookies (Askers.SeedAsync), and the scenarios' own set-up
        // (seeding, the video's clip) and the load generator's warm-up run beside it. None of it is measured, so Web, PostgreSQL and
        // the bench may use every core meanwhile; they are pinned back before the first scenario.
        Askers askers = null!;
        await Pinning.SpreadWhileAsync([deployment.WebPid, .. ServerProcess.WithCommandLine(deployment.Postgres.DataDirectory)], () => Task.WhenAll(
            [Task.Run(async () => askers = await Askers.SeedAsync(deployment, options.Askers, ct), ct),
             .. scenarios.Select(s => Task.Run(() => s.PrepareAsync(deployment, options, ct), ct)),
             .. warmLoadGenerator ? [Task.Run(() => FanOutRun.WarmUpLoadGeneratorAsync(deployment, options, sessionId, ct), ct)] : Array.Empty<Task>()]));
        Console.WriteLine($"{askers.Count} candidates seeded with their sign-in cookies (and the scenarios' seeding done) after {clock.Elapsed.TotalSeconds:0} s; live session {sessionId}");
        var context = new BenchContext(deployment, options, askers, sessionId);
        setupSeconds = Math.Round(clock.Elapsed.TotalSeconds);

        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"({scenario.Number}) {scenario.Title} …");
            var took = Stopwatch.StartNew();
            try { results.Add(await scenario.RunAsync(context, ct) with { Seconds = Math.Round(took.Elapsed.TotalSeconds) }); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Out of time (or interrupted): report what was measured and say what was not.
                results.Add(ScenarioResult.NotMeasured(scenario.Number, scenario.Title, "the run was interrupted or ran out of its time bound before this finished"));
            }
        }
    }
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    // Each scenario catches its own interruption, so this one came during the deployment's start or the set-up: nothing was
    // measured and there is no report to write. The servers started so far are stopped on the way out.
    Console.Error.WriteLine($"Interrupted (or out of time) during the set-up after {clock.Elapsed.TotalSeconds:0} s: nothing was measured and no report was written.");
    return 1;
}
finally
{
    // What a scenario prepared and has not used yet (a run stopped during the set-up): the video's clip folder.
    foreach (var scenario in scenarios.OfType<IAsyncDisposable>()) await scenario.DisposeAsync();
}
results.AddRange(NotMeasuredYet.All.Where(n => only is null || only.Contains(n.Number)));

var report = new BenchReport(options.Name, startedAt, Math.Round(clock.Elapsed.TotalSeconds), command, Machine.Current(), pinning,
    $"{loadAtStart} at the start, {ProcFs.LoadAverage()} at the end", options,
    [.. results.OrderBy(r => r.Number)]) { SetupSeconds = setupSeconds, LoadGeneratorWarmedUp = warmLoadGenerator ? true : null };
// A run stopped part-way (Ctrl+C, SIGTERM, or out of its time bound) measured only some scenarios, like --only: its report
// must not replace the last whole run's (docs/benchmarks.md, latest.json and full.json or quick.json).
var whole = only is null && !ct.IsCancellationRequested;
await ReportWriter.WriteAsync(report, RepoPaths.Root, partial: !whole);
Console.WriteLine(ReportWriter.Markdown(report));
Console.WriteLine(whole ? $"Wrote docs/benchmarks.md and bench/results/latest.json in {clock.Elapsed.TotalSeconds:0} s."
    : $"Wrote bench/results/partial.json (a partial or stopped run leaves docs/benchmarks.md alone) in {clock.Elapsed.TotalSeconds:0} s.");
// Stopped part-way is not a finished run, for a script that runs the bench as for the set-up's interruption above.
return ct.IsCancellationRequested ? 1 : 0;

using System.Diagnostics;
using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (3) Connections: idle viewers (connected and joined, receiving nothing) held by one process, the process's RSS
/// growth per viewer once memory settles, and connects/s (connect + JoinSession), LiveHire against the bare hub.
/// Both servers are fresh processes when the run begins.
/// </summary>
public sealed class Connections : IScenario
{
    public int Number => 3;
    public string Title => "Connections";

    private sealed record Run(string Target, int Held, double ConnectsPerSecond, double BytesPerViewer, long RssBefore, long RssAfter, TimeSpan ConnectTime,
        TimeSpan QuietAfter, bool ReachedTarget, CpuUse Cpu);

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var target = context.Options.ConnectionsTarget;
        var issueTarget = context.Options.ConnectionsTargetCappedFrom ?? target;
        var bare = await MeasureAsync(context, HubTarget.BareHub(context), target, TimeSpan.FromMinutes(3), ct);
        var live = await MeasureAsync(context, HubTarget.LiveHire(context, 0), target, context.Options.ConnectionsDeadline, ct);
        var memoryRatio = live.BytesPerViewer / bare.BytesPerViewer;
        List<Figure> figures =
        [
            new("memory per idle viewer", Math.Round(live.BytesPerViewer / 1024, 1), "KiB", Math.Round(bare.BytesPerViewer / 1024, 1), "≤ 1.2× baseline",
                memoryRatio <= 1.2, live.Cpu, bare.Cpu, memoryRatio <= 1.2 ? "" : $"{memoryRatio:0.00}× the bare hub. Heap dumps of both at 2,000 viewers " +
                    "(2026-12-06) account for the difference, per viewer: LiveHire's Redis backplane keeps a subscription of its own (SignalR's " +
                    "per-connection channel, which lets any node reach it: about 3.1 KB); each PresenceChanged sent to the whole room at once " +
                    "rents a 4 KB block per viewer from Kestrel's memory pool, which keeps it afterwards (3.5 KB a viewer of pinned heap); and for " +
                    "the WebSocket's whole life the request keeps its authentication state (about 1.1 KB), its Activity and logging scope (0.8 KB) " +
                    "and its service scope (0.4 KB), the hub its Context.Items (0.7 KB). The bare hub has no authentication, logging, backplane " +
                    "or presence"),
            new("viewers held by one process", live.Held, "", bare.Held, $"{issueTarget:N0}", live.Held >= issueTarget, live.Cpu, bare.Cpu,
                live.Held >= issueTarget ? "" : target < issueTarget ? $"this machine's hard RLIMIT_NOFILE ({target + 1_000:N0}, and no privilege to raise it) caps a " +
                    $"process at fewer sockets than {issueTarget:N0} viewers need, so the run aimed at {target:N0}" + (live.ReachedTarget ? "" : $" and stopped at the " +
                    $"{context.Options.ConnectionsDeadline.TotalSeconds:0} s bound with {live.Held:N0}") : $"stopped at the {context.Options.ConnectionsDeadline.TotalSeconds:0} s bound with {live.Held:N0} joined: " +
                    "each join is a connection, a room snapshot and a few Redis calls, and arrivals are announced to the whole room (PresenceChanged, " +
                    "spaced by the room's size)"),
            new("connects/s (connect + join)", Math.Round(live.ConnectsPerSecond), "/s", Math.Round(bare.ConnectsPerSecond), "—", null, live.Cpu, bare.Cpu),
        ];
        List<string> notes =
        [
            .. new[] { bare, live }.Select(r => $"{r.Target}: {r.Held:N0} viewers joined in {r.ConnectTime.TotalSeconds:0.0} s; RSS {Mib(r.RssBefore)} → {Mib(r.RssAfter)} MiB " +
                $"(settled {r.QuietAfter.TotalSeconds:0} s after the last join); per viewer {r.BytesPerViewer / 1024:0.0} KiB"),
            "Memory per viewer is the process's VmRSS growth (/proc/<pid>/status) divided by the viewers held, read once RSS has stopped moving; " +
            "both hubs run with the ASP.NET Core defaults (Server GC, one heap because the process is pinned to one core).",
            $"RLIMIT_NOFILE of the bench and every server it starts: {FileLimit.Current:N0} (the bench asks for 200,000 and gets as much as the hard limit " +
            "and its privileges allow). Clients connect from 127.0.0.2–127.0.0.250 so ephemeral ports do not run out.",
        ];
        return new(Number, Title, figures, notes);
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Run> MeasureAsync(BenchContext context, HubTarget target, int count, TimeSpan deadline, CancellationToken ct)
    {
        var pid = target.HubPids()[0];
        var before = await SettledRssAsync(pid, ct);
        Console.WriteLine($"  {target.Name}: connecting up to {count:N0} viewers (RSS {Mib(before)} MiB) …");
        var cpu = target.CpuMeter(context);
        cpu.Start();
        var (viewers, joined, elapsed, failed) = await Viewers.ConnectAsync(target.CurrentHubs(context), context.SessionId, count, deadline, ct);
        var cpuUse = cpu.Stop();
        try
        {
            var quiet = Stopwatch.StartNew();
            await viewers.WaitForQuietAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), ct);
            var after = await SettledRssAsync(pid, ct);
            var run = new Run(target.Name, joined, joined / elapsed.TotalSeconds, (after - before) / (double)Math.Max(1, joined), before, after, elapsed,
                quiet.Elapsed, joined >= count, cpuUse);
            Console.WriteLine($"    {joined:N0} joined ({failed} failed) in {elapsed.TotalSeconds:0.0} s; {run.BytesPerViewer / 1024:0.0} KiB per viewer");
            return run;
        }
        finally
        {
            await target.RestartAsync(ct);
            await viewers.DisposeAsync();
        }
    }

    /// <summary>RSS once it has moved less than 0.5% over three one-second samples (at most 30 s).</summary>
    private static async Task<long> SettledRssAsync(int pid, CancellationToken ct)
    {
        var samples = new List<long> { ProcFs.RssBytes(pid) };
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(1000, ct);
            samples.Add(ProcFs.RssBytes(pid));
            if (samples.Count >= 4 && samples.TakeLast(4).Max() - samples.TakeLast(4).Min() < samples[^1] * 0.005) break;
        }
        return samples[^1];
    }
}

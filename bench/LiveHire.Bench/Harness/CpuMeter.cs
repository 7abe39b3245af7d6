using System.Diagnostics;

namespace LiveHire.Bench.Harness;

/// <summary>CPU used by groups of processes over a measurement window, as a share of one core (1.0 = one core busy).</summary>
public sealed class CpuMeter
{
    private readonly IReadOnlyDictionary<string, Func<double>> groups;
    private readonly Dictionary<string, double> start = [];
    private (long Busy, long Total)[] coresStart = [];
    private long startTicks;

    /// <param name="groups">Name → the pids in that group (asked again at start and stop, so processes may come and go).</param>
    public CpuMeter(IReadOnlyDictionary<string, Func<IReadOnlyList<int>>> groups)
        : this(groups.ToDictionary(g => g.Key, g => (Func<double>)(() => g.Value().Sum(ProcFs.CpuSeconds))))
    {
    }

    /// <param name="seconds">Name → the CPU seconds used so far by that group (e.g. <see cref="ProcFs.ChildCpuSeconds"/> for reaped children).</param>
    public CpuMeter(IReadOnlyDictionary<string, Func<double>> seconds) => groups = seconds;

    public void Start()
    {
        foreach (var (name, used) in groups) start[name] = used();
        coresStart = ProcFs.CoreTimes();
        startTicks = Stopwatch.GetTimestamp();
    }

    public CpuUse Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
        var cores = ProcFs.CoreTimes();
        var byGroup = groups.ToDictionary(g => g.Key, g => Math.Round((g.Value() - start[g.Key]) / seconds, 3));
        var coreBusy = cores.Zip(coresStart, (end, begin) => end.Total == begin.Total ? 0 : Math.Round((double)(end.Busy - begin.Busy) / (end.Total - begin.Total), 3)).ToArray();
        return new CpuUse(byGroup, coreBusy);
    }
}

/// <summary>Cores used per process group (1.0 = one core) and how busy each core of the machine was (0..1), over one window.</summary>
public sealed record CpuUse(IReadOnlyDictionary<string, double> Processes, double[] CoreBusy)
{
    /// <summary>The mean over several windows of the same groups: each group's cores and each core's busy share.</summary>
    public static CpuUse Mean(IReadOnlyList<CpuUse> runs) => new(
        runs[0].Processes.Keys.ToDictionary(k => k, k => Math.Round(runs.Average(r => r.Processes.GetValueOrDefault(k)), 3)),
        [.. Enumerable.Range(0, runs[0].CoreBusy.Length).Select(i => Math.Round(runs.Average(r => r.CoreBusy.ElementAtOrDefault(i)), 3))]);
}

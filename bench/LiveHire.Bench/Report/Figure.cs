using LiveHire.Bench.Harness;

namespace LiveHire.Bench.Report;

/// <summary>One reported number beside its same-run baseline and its target. <see cref="Met"/> is null when the figure has no target.</summary>
public sealed record Figure(string Name, double Value, string Unit, double? Baseline, string Target, bool? Met, CpuUse? Cpu, CpuUse? BaselineCpu, string Limit = "");

/// <summary>Everything one run found, as written to bench/results/latest.json.</summary>
/// <param name="LoadAverage">/proc/loadavg (1/5/15 min) at the start and at the end: other work on the machine shows here and in each figure's core busy.</param>
public sealed record BenchReport(string Run, DateTimeOffset StartedAt, double DurationSeconds, string Command, Machine Machine, string Pinning,
    string LoadAverage, BenchOptions Options, IReadOnlyList<Scenarios.ScenarioResult> Scenarios)
{
    /// <summary>Starting the deployment and signing up the askers, before the first scenario.</summary>
    public double SetupSeconds { get; init; }
    /// <summary>True when the set-up also warmed the load generator up on the bare hub (runs since 2026-12-06 10:15 with a fan-out); null in older runs.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? LoadGeneratorWarmedUp { get; init; }
}

public sealed record Machine(int Cores, double MemoryGiB, string CpuModel, string Os, string Runtime)
{
    public static Machine Current() => new(System.Environment.ProcessorCount, Math.Round(ProcFs.MemTotalBytes() / (1024.0 * 1024 * 1024), 1), ProcFs.CpuModel(),
        System.Runtime.InteropServices.RuntimeInformation.OSDescription, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}

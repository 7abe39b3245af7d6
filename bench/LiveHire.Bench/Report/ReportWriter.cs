using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveHire.Bench.Harness;

namespace LiveHire.Bench.Report;

/// <summary>Writes bench/results/latest.json (all the numbers) and docs/benchmarks.md (the same, for people).</summary>
public static class ReportWriter
{
    /// <param name="partial">Only some scenarios ran (<c>--only</c>, or the run was stopped part-way): then only bench/results/partial.json is written, so the report of the last whole run stays.</param>
    public static async Task WriteAsync(BenchReport report, string repoRoot, bool partial = false)
    {
        var results = Path.Combine(repoRoot, "bench", "results");
        Directory.CreateDirectory(results);
        var json = JsonSerializer.Serialize(report, Json.Options);
        if (partial)
        {
            await File.WriteAllTextAsync(Path.Combine(results, "partial.json"), json);
            return;
        }
        await File.WriteAllTextAsync(Path.Combine(results, "latest.json"), json);
        // Also kept per kind of run, so a quick run does not hide the last full run's numbers.
        await File.WriteAllTextAsync(Path.Combine(results, $"{report.Run}.json"), json);
        await File.WriteAllTextAsync(Path.Combine(repoRoot, "docs", "benchmarks.md"), Markdown(report));
    }

    public static string Markdown(BenchReport r)
    {
        var md = new StringBuilder();
        md.AppendLine("# LiveHire benchmarks").AppendLine();
        md.AppendLine("Written by the benchmark itself (`bench/LiveHire.Bench`); do not edit by hand. Every figure is measured beside its baseline");
        md.AppendLine("**in the same run**, on the machine below. The raw numbers are in `bench/results/latest.json`.").AppendLine();
        md.AppendLine("## This run").AppendLine();
        md.AppendLine($"- **Run:** `{r.Run}`, {r.StartedAt:yyyy-MM-dd HH:mm} UTC, {r.DurationSeconds:0} s");
        md.AppendLine($"- **Reproduce:** `{r.Command}`");
        md.AppendLine($"- **Machine:** {r.Machine.Cores} cores ({r.Machine.CpuModel}), {r.Machine.MemoryGiB} GiB memory; {r.Machine.Os}; {r.Machine.Runtime}");
        md.AppendLine($"- **Pinning:** {r.Pinning}");
        md.AppendLine($"- **Load average** (other work on this shared machine shows here and in each row's core busy): {r.LoadAverage}");
        md.AppendLine($"- **Size:** fan-out viewers {string.Join(" and ", r.Options.FanOutViewers)}; connections target {r.Options.ConnectionsTarget:N0}; " +
                      $"scale-out viewers {r.Options.ScaleOutViewers:N0}; {r.Options.Askers:N0} candidates (askers and voters; {r.Options.AskersPerRun} connected per fan-out run), " +
                      $"{r.Options.AsksInFlight} questions in flight; warm-up {r.Options.WarmUp.TotalSeconds:0} s, window {r.Options.Window.TotalSeconds:0} s, drained after " +
                      $"{r.Options.Drain.TotalSeconds:0} s without a delivery; vote storm: {r.Options.VoteQuestions} questions " +
                      $"per candidate, {r.Options.VotesInFlight} votes in flight, {r.Options.VoteWarmUpRounds} warm-up storms of at most {r.Options.VoteWarmUp.TotalSeconds:0} s each, redis-benchmark " +
                      $"{r.Options.RedisBenchmarkRequests:N0} calls per command; resume drop: {r.Options.ResumeRounds} rounds of {r.Options.ResumeUploads} × " +
                      $"{r.Options.ResumeBytes / 1048576.0:0} MB; reminders: {r.Options.Reminders:N0} due at once, {r.Options.ReminderDispatchers} dispatch loops, " +
                      $"bound {r.Options.ReminderBound.TotalSeconds:0} s; video: {r.Options.VideoWindow.TotalSeconds:0} s sampled; search: {r.Options.SearchJobs:N0} jobs, {r.Options.SearchRequests} requests per search").AppendLine();
        var bound = r.Run == "full" ? 600 : 90;
        md.AppendLine($"- **Run length:** {r.DurationSeconds:N0} s (target: {(r.Run == "full" ? "at most 10 min" : "about a minute")}" +
                      (r.Scenarios.Count < 8 || r.Scenarios.Any(s => s.NotMeasuredReason is not null) ? ", not judged for a partial or stopped run)" : $": {(r.DurationSeconds <= bound ? "met" : "missed")})") +
                      $": set-up (deployment; {r.Options.Askers:N0} candidates seeded and, beside them, the search's jobs" +
                      $"{(r.LoadGeneratorWarmedUp == true ? " and the load generator's warm-up on the bare hub" : "")}) {r.SetupSeconds:N0} s; " +
                      string.Join("; ", r.Scenarios.Where(s => s.NotMeasuredReason is null).OrderByDescending(s => s.Seconds).Select(s => $"({s.Number}) {s.Seconds:N0} s")) +
                      ". Each scenario's time includes its own seeding and fixed settling: a restart of the server it measured (a fresh " +
                      "process for the next), waits for memory to settle and for the last broadcasts to drain, the vote limiter's 10 s window " +
                      "between the warm-up and the storm, and the browser of the video scenario; scenario 6 seeds 100,000 reminders (quick: 3,000) " +
                      "before it measures." + (r.Run == "full" ? "" : " The quick run measures everything the full one does, at smaller sizes; " +
                      "those fixed waits are why it takes minutes, not one.")).AppendLine();
        md.AppendLine("CPU is utime+stime from `/proc/<pid>/stat` over the measurement window, in cores (1.00 = one core busy); `core busy` is each");
        md.AppendLine("core's busy share from `/proc/stat` over the same window (it includes anything else running on the machine).").AppendLine();

        md.AppendLine("## Results").AppendLine();
        md.AppendLine("| # | figure | LiveHire | baseline | target | | CPU (LiveHire run) | CPU (baseline run) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in r.Scenarios.Where(s => s.NotMeasuredReason is null))
            foreach (var f in s.Figures)
                md.AppendLine($"| {s.Number} | {f.Name} | {Number(f.Value)} {f.Unit} | {(f.Baseline is { } b ? $"{Number(b)} {f.Unit}" : "—")} | {f.Target} | " +
                              $"{(f.Met is { } met ? met ? "**met**" : "**missed**" : "")} | {Cpu(f.Cpu)} | {Cpu(f.BaselineCpu)} |");
        md.AppendLine();

        foreach (var s in r.Scenarios.Where(s => s.NotMeasuredReason is null))
        {
            md.AppendLine($"### {s.Number}. {s.Title}").AppendLine();
            foreach (var f in s.Figures.Where(f => f.Limit.Length > 0))
                md.AppendLine($"- **{f.Name}** ({(f.Met switch { true => "met", false => "missed", null => "no target" })}): {f.Limit}");
            foreach (var note in s.Notes) md.AppendLine($"- {note}");
            md.AppendLine();
        }

        if (r.Scenarios.Any(s => s.NotMeasuredReason is not null))
        {
            md.AppendLine("## Not measured").AppendLine();
            md.AppendLine("| # | measurement | why not |");
            md.AppendLine("|---|---|---|");
            foreach (var s in r.Scenarios.Where(s => s.NotMeasuredReason is not null))
                md.AppendLine($"| {s.Number} | {s.Title} | {s.NotMeasuredReason} |");
            md.AppendLine();
        }
        md.Append(File.ReadAllText(Path.Combine(LiveHire.Testing.RepoPaths.Root, "bench", "METHOD.md")));
        return md.ToString();
    }

    private static string Number(double v) =>
        double.IsNaN(v) ? "n/a" : Math.Abs(v) >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cpu(CpuUse? cpu) => cpu is null ? "—"
        : string.Join("; ", cpu.Processes.Where(p => p.Value > 0 || p.Key != "Redis+PostgreSQL+Web").Select(p => $"{p.Key} {p.Value:0.00}"))
          + $"; core busy {string.Join("/", cpu.CoreBusy.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))}";
}

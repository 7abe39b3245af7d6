using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (4) Scale-out: the same fan-out with the viewers on one Realtime node, then split over two nodes that share the
/// Redis backplane; the throughput lost, and every delivery counted per viewer. The two layouts take turns
/// (<see cref="BenchOptions.ScaleOutRounds"/> times: 1, 2, 1, 2 …) and each layout's deliveries/s is the mean of its runs,
/// so a drift of the shared machine over the scenario weighs on both alike.
/// </summary>
public sealed class ScaleOut : IScenario
{
    public int Number => 4;
    public string Title => "Scale-out (Redis backplane)";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var viewers = context.Options.ScaleOutViewers;
        List<FanOutRun.Result> ones = [], twos = [];
        var reused = context.Options.ScaleOutReusesFanOut ? context.LiveHireFanOuts.Where(r => r.Viewers == viewers).Take(context.Options.ScaleOutRounds).ToList() : [];
        for (var round = 0; round < context.Options.ScaleOutRounds; round++)
        {
            // Throughput and loss only: the steady-rate latency phase is the fan-out scenario's.
            ones.Add(round < reused.Count ? reused[round] : await FanOutRun.MeasureAsync(context, HubTarget.LiveHire(context, 0), viewers, ct, steady: false));
            twos.Add(await FanOutRun.MeasureAsync(context, HubTarget.LiveHire(context, 0, 1), viewers, ct, steady: false));
        }
        var one = Math.Round(ones.Average(r => r.DeliveriesPerSecond));
        var two = Math.Round(twos.Average(r => r.DeliveriesPerSecond));
        var oneCpu = CpuUse.Mean([.. ones.Select(r => r.Cpu)]);
        var twoCpu = CpuUse.Mean([.. twos.Select(r => r.Cpu)]);
        var oneLost = ones.Sum(r => r.Lost);
        var twoLost = twos.Sum(r => r.Lost);
        var lost = 1 - two / one;
        var runs = ones.Count == 1 ? "" : $" (means of {ones.Count} runs each, taking turns)";
        List<Figure> figures =
        [
            new($"throughput lost, 2 nodes vs 1 ({viewers:N0} viewers)", Math.Round(lost * 100, 1), "%", null, "≤ 15%", lost <= 0.15, twoCpu, oneCpu,
                lost <= 0.15 ? "" : $"2 nodes: {two:N0}/s, 1 node: {one:N0}/s{runs}. Both nodes share the one server core here, " +
                    "so the second node adds its own per-message work (a second backplane subscriber decoding every message) without adding a core"),
            new("deliveries/s, 2 nodes", two, "/s", one, "—", null, twoCpu, oneCpu),
            new("messages lost, 2 nodes", twoLost, "", oneLost, "0", twoLost == 0 && oneLost == 0, twoCpu, oneCpu,
                twoLost == 0 && oneLost == 0 ? "" : string.Join("; ", twos.Where(r => r.Lost > 0).Select(r =>
                    $"accepted × viewers − received: {r.Lost:N0}; per viewer {r.MinPerViewer}–{r.MaxPerViewer} of {r.Accepted}"))),
        ];
        List<string> notes =
        [
            .. ones.Zip(twos).SelectMany(pair => new[] { pair.First, pair.Second }).Select((r, i) =>
                $"run {i + 1}, {r.Target}: {r.DeliveriesPerSecond:N0} deliveries/s; {r.Accepted:N0} questions accepted, " +
                $"{r.Received:N0} of {r.Expected:N0} deliveries (per viewer {r.MinPerViewer}–{r.MaxPerViewer}); p50 {r.P50Ms} ms, p99 {r.P99Ms} ms" +
                (r.AskerWait > TimeSpan.FromSeconds(1) ? $"; askers waited on slow mode {r.AskerWait.TotalSeconds:0.0} s (summed over loops: a load-generator limit)" : "")),
            reused.Count > 0
                ? $"The one-node figure{(reused.Count > 1 ? "s are" : " is")} the fan-out scenario's LiveHire run{(reused.Count > 1 ? "s" : "")} at the same size, " +
                  "earlier in this run (the same measurement on a fresh node; a quick run does not repeat it); the two-node runs are this scenario's own."
                : $"The layouts take turns ({string.Join(", ", Enumerable.Repeat("1 node, 2 nodes", ones.Count))}) on fresh servers each time, and each " +
                  "layout's figure is the mean of its runs (why the turns: bench/METHOD.md).",
            "The baseline is LiveHire with one Realtime node; in Distributed mode that node also goes through the Redis backplane (a single-node " +
            "deployment without a backplane is Embedded mode, a different process layout). Askers connect to node 1; on two nodes half the viewers are on node 2.",
        ];
        return new(Number, Title, figures, notes);
    }
}

using LiveHire.Bench.Report;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (4) Scale-out: the same fan-out with the viewers on one Realtime node, then split over two nodes that share the
/// Redis backplane; the throughput lost, and every delivery counted per viewer.
/// </summary>
public sealed class ScaleOut : IScenario
{
    public int Number => 4;
    public string Title => "Scale-out (Redis backplane)";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var viewers = context.Options.ScaleOutViewers;
        var one = await FanOutRun.MeasureAsync(context, HubTarget.LiveHire(context, 0), viewers, ct);
        var two = await FanOutRun.MeasureAsync(context, HubTarget.LiveHire(context, 0, 1), viewers, ct);
        var lost = 1 - two.DeliveriesPerSecond / one.DeliveriesPerSecond;
        List<Figure> figures =
        [
            new($"throughput lost, 2 nodes vs 1 ({viewers:N0} viewers)", Math.Round(lost * 100, 1), "%", null, "≤ 15%", lost <= 0.15, two.Cpu, one.Cpu,
                lost <= 0.15 ? "" : $"2 nodes: {two.DeliveriesPerSecond:N0}/s, 1 node: {one.DeliveriesPerSecond:N0}/s. Both nodes share the one server core here, " +
                    "so the second node adds its own per-message work (a second backplane subscriber decoding every message) without adding a core"),
            new("deliveries/s, 2 nodes", two.DeliveriesPerSecond, "/s", one.DeliveriesPerSecond, "—", null, two.Cpu, one.Cpu),
            new("messages lost, 2 nodes", two.Lost, "", one.Lost, "0", two.Lost == 0 && one.Lost == 0, two.Cpu, one.Cpu,
                two.Lost == 0 && one.Lost == 0 ? "" : $"accepted × viewers − received; per viewer {two.MinPerViewer}–{two.MaxPerViewer} of {two.Accepted}"),
        ];
        List<string> notes =
        [
            .. new[] { one, two }.Select(r => $"{r.Target}: {r.Accepted:N0} questions accepted, {r.Received:N0} of {r.Expected:N0} deliveries " +
                $"(per viewer {r.MinPerViewer}–{r.MaxPerViewer}); p50 {r.P50Ms} ms, p99 {r.P99Ms} ms"),
            "The baseline is LiveHire with one Realtime node; in Distributed mode that node also goes through the Redis backplane (a single-node " +
            "deployment without a backplane is Embedded mode, a different process layout). Askers connect to node 1; on two nodes half the viewers are on node 2.",
        ];
        return new(Number, Title, figures, notes);
    }
}

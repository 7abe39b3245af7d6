using System.Diagnostics;
using LiveHire.Bench.Harness;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// One measured fan-out: viewers join the session on the target, a closed loop of askers posts questions, and every
/// QuestionAsked received is counted over the window after a warm-up; then the loop stops, the last broadcasts drain,
/// and each viewer's count is compared with the questions accepted (lost = accepted × viewers − received). With
/// <c>steady</c>, latency is then also measured at a steady rate well below saturation (otherwise its figures are NaN).
/// The target's processes are restarted afterwards, so the next run starts on fresh servers.
/// </summary>
public static class FanOutRun
{
    public sealed record Result(string Target, int Viewers, double DeliveriesPerSecond, double P50Ms, double P99Ms, long Accepted, long Expected,
        long Received, long MinPerViewer, long MaxPerViewer, TimeSpan AskerWait, IReadOnlyDictionary<string, long> Failures, CpuUse Cpu, double JoinSeconds,
        double SteadyP50Ms, double SteadyP99Ms)
    {
        public long Lost => Math.Max(0, Expected - Received);
    }

    /// <summary>
    /// An unmeasured fan-out at 1,000 viewers on the bare hub (4 s of questions), run during the set-up (beside the
    /// seeding), then the bare hub restarted. The load generator is one .NET process too, and in the first run of a fresh
    /// bench its receiving path was still being compiled: perf on 2026-12-06 put 14.5 % of its samples in the
    /// tiered-compilation thread during the bare hub's window, against 0.7 % during LiveHire's, the run after. The bare
    /// hub's figure is the load generator's pace, so that first window measured the bench's warm-up. Later runs start
    /// from a load generator that has served a room.
    /// </summary>
    public static async Task WarmUpLoadGeneratorAsync(BenchDeployment deployment, BenchOptions options, Guid sessionId, CancellationToken ct)
    {
        var context = new BenchContext(deployment, options with { WarmUp = TimeSpan.FromSeconds(3), Window = TimeSpan.FromSeconds(1) }, Askers.Anonymous(0), sessionId);
        var run = await MeasureAsync(context, HubTarget.BareHub(context), 1_000, ct, steady: false);
        Console.WriteLine($"  (load generator warmed up on the bare hub during the set-up: {run.DeliveriesPerSecond:N0} deliveries/s, not measured)");
    }

    public static async Task<Result> MeasureAsync(BenchContext context, HubTarget target, int viewerCount, CancellationToken ct, bool steady = true)
    {
        var options = context.Options;
        var hubs = target.CurrentHubs(context);
        Console.WriteLine($"  {target.Name}: {viewerCount} viewers joining …");
        var (viewers, joined, joinTime, failed) = await Viewers.ConnectAsync(hubs, context.SessionId, viewerCount, TimeSpan.FromSeconds(60), ct);
        List<Microsoft.AspNetCore.SignalR.Client.HubConnection> askers = [];
        try
        {
            if (joined < viewerCount)
                Console.WriteLine($"    only {joined} of {viewerCount} viewers joined within 60 s ({failed} failed); measuring with those");
            // Each arrival may broadcast presence to the room; measure questions only once that has died down.
            var settled = await viewers.WaitForQuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(45), ct);
            Console.WriteLine($"    joined in {joinTime.TotalSeconds:0.0} s, quiet after {settled.TotalSeconds:0.0} s more; asking …");
            askers = await target.Askers.ConnectAsync(hubs[0], options.AskersPerRun, ct);
            var rested = await target.Askers.WaitUntilMostlyReadyAsync(ct);
            if (rested > TimeSpan.Zero) Console.WriteLine($"    waited {rested.TotalSeconds:0} s for most of the askers' slow-mode windows to pass");
            {
                var load = new QuestionLoad();
                var cpu = target.CpuMeter(context);
                using var stop = new CancellationTokenSource();
                var loop = load.RunAsync(target.Askers, context.SessionId, options.AsksInFlight, stop.Token);
                await Task.Delay(options.WarmUp, ct);

                var waitBefore = load.AskerWait;
                var before = viewers.Deliveries.Total;
                viewers.Deliveries.StartRecording();
                cpu.Start();
                var window = Stopwatch.StartNew();
                await Task.Delay(options.Window, ct);
                var during = viewers.Deliveries.Total - before;
                var seconds = window.Elapsed.TotalSeconds;
                var cpuUse = cpu.Stop();
                viewers.Deliveries.StopRecording();
                var askerWait = load.AskerWait - waitBefore;

                stop.Cancel();
                await loop;
                await viewers.WaitForQuietAsync(options.Drain, TimeSpan.FromSeconds(60), ct);

                // Then latency below saturation: questions at a steady rate a busy live room sees, for the same window.
                if (steady)
                {
                    using var steadyStop = new CancellationTokenSource(options.Window);
                    viewers.Deliveries.StartSteadyRecording();
                    await load.RunPacedAsync(target.Askers, context.SessionId, options.SteadyQuestionsPerSecond, steadyStop.Token);
                    await viewers.WaitForQuietAsync(options.Drain, TimeSpan.FromSeconds(60), ct);
                    viewers.Deliveries.StopRecording();
                }
                var (min, max) = viewers.ReceivedRange();
                var result = new Result(target.Name, joined, Math.Round(during / seconds), viewers.Deliveries.PercentileMs(0.50), viewers.Deliveries.PercentileMs(0.99),
                    load.Ok, load.Ok * joined, viewers.Deliveries.Total, min, max, askerWait, load.Failures, cpuUse, Math.Round(joinTime.TotalSeconds, 1),
                    viewers.Deliveries.SteadyPercentileMs(0.50), viewers.Deliveries.SteadyPercentileMs(0.99));
                Console.WriteLine($"    {result.DeliveriesPerSecond:N0} deliveries/s, p50 {result.P50Ms} ms, p99 {result.P99Ms} ms, lost {result.Lost}, " +
                                  $"CPU {string.Join(", ", cpuUse.Processes.Select(p => $"{p.Key} {p.Value:0.00}"))}" +
                                  (steady ? $"; at {options.SteadyQuestionsPerSecond:0} questions/s: p50 {result.SteadyP50Ms} ms, p99 {result.SteadyP99Ms} ms" : ""));
                return result;
            }
        }
        finally
        {
            // Kill the server first: then closing thousands of clients costs nothing, and the next run starts fresh.
            await target.RestartAsync(ct);
            foreach (var a in askers) await a.DisposeAsync();
            await viewers.DisposeAsync();
        }
    }
}

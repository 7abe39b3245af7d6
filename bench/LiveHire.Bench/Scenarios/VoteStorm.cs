using System.Diagnostics;
using System.Text.RegularExpressions;
using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (2) Vote storm: every signed-up candidate, each on its own connection and in the room, votes once on each of a
/// set of fresh questions through the real hub (VoteQuestion on one Realtime node), while a watcher in the room
/// times how long each vote takes to show in the live ranking (VotesChanged). Baseline: redis-benchmark replaying,
/// unpipelined, the Redis commands one vote issues (captured with MONITOR), against the same Redis.
/// </summary>
public sealed partial class VoteStorm : IScenario
{
    public int Number => 2;
    public string Title => "Vote storm";
    public IReadOnlyList<Prerequisite> Needs { get; } = [new("redis-benchmark (the baseline)", "redis-benchmark", "apt-get install redis-tools")];

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = context.Options;
        var deployment = context.Deployment;
        var hub = deployment.Realtime[0].BaseUrl;
        var voters = await context.Askers.ConnectAsync(hub, ct);
        try
        {
            // Fresh questions (nobody has voted on them): a set for each warm-up storm, one to measure on, one more for the capture.
            var rounds = options.VoteWarmUpRounds;
            var asked = await AskAsync(context, (rounds + 1) * options.VoteQuestions + 1, ct);
            var warmUps = asked[..(rounds * options.VoteQuestions)].Chunk(options.VoteQuestions).ToList();
            var (questions, probe) = (asked[(rounds * options.VoteQuestions)..^1], asked[^1]);
            Console.WriteLine($"  {voters.Count} voters joining the room; {questions.Count} fresh questions …");
            await JoinAllAsync(voters, context.SessionId, ct);

            // What one vote sends to Redis, captured while a voter votes on the probe question.
            var captured = await RedisBaseline.CaptureAsync(deployment.Redis.Port, async () =>
            {
                var probeVote = await voters[^1].InvokeAsync<HubResult<VoteView>>("VoteQuestion", context.SessionId, probe, ct);
                if (!probeVote.Ok) throw new InvalidOperationException($"The probe vote failed: {probeVote.Error?.Code}");
            }, ct);
            var person = captured.SelectMany(c => c.Arguments).Select(a => VoterInKey().Match(a)).FirstOrDefault(m => m.Success) is { } m
                ? Guid.ParseExact(m.Groups[1].Value, "N") : throw new InvalidOperationException("The capture shows no vote limiter key.");
            var perVote = captured.Where(c => c.Arguments.Any(a => a.Contains(person.ToString("N"), StringComparison.Ordinal) || a.Contains(person.ToString("D"), StringComparison.Ordinal))).ToList();
            var replay = new List<RedisBaseline.Command>();
            foreach (var command in perVote) replay.Add(await RedisBaseline.ForReplayAsync(deployment.Redis.Port, command, person, ct));
            Console.WriteLine($"  one vote sends {perVote.Count} Redis commands: {string.Join("; ", replay)}");

            // The baseline brackets the storm: once while the voters' limiter windows pass after the warm-up (the server is idle
            // then), once right after. This machine is shared and a single redis-benchmark run has swung by 2× from one run to
            // the next; the ratio uses the mean of the two, and both are reported.
            // The reference (bare hub) warms up in the same rhythm, one storm in each of those waits (so its tiered compilation,
            // like Realtime's, catches up between storms), and is measured last, after LiveHire's storm and the second baseline.
            List<double> warmUpRates = [];
            Stopwatch? rested = null;
            BareHubVotes? bare = null;
            try
            {
                foreach (var warmUp in warmUps)
                {
                    if (rested is not null)
                    {
                        bare ??= await BareHubVotes.ConnectAsync(context, replay, probe, voters.Count, ct);
                        await bare.WarmUpAsync(ct);
                        await WaitOutWindowAsync(rested, ct);
                    }
                    (rested, var rate) = await WarmUpAsync(context, "LiveHire", voters, context.SessionId, warmUp, ct);
                    warmUpRates.Add(rate);
                }
                var before = await BaselineAsync(context, replay, ct);
                bare ??= await BareHubVotes.ConnectAsync(context, replay, probe, voters.Count, ct);
                while (bare.WarmUps < rounds) await bare.WarmUpAsync(ct);
                await WaitOutWindowAsync(rested!, ct);
                var live = await StormAsync(context, voters, questions, ct);
                var after = await BaselineAsync(context, replay, ct);
                var reference = await bare.MeasureAsync(ct);
                return Report(context, voters.Count, rounds, warmUpRates, live, before, after, reference);
            }
            finally
            {
                if (bare is not null) await bare.DisposeAsync();
            }
        }
        finally
        {
            await deployment.RestartRealtimeAsync(0, ct);
            foreach (var voter in voters) await voter.DisposeAsync();
        }
    }

    private ScenarioResult Report(BenchContext context, int inRoom, int rounds, List<double> warmUpRates, Live live, Baseline before, Baseline after,
        Reference reference)
    {
        var options = context.Options;
        var baseline = Baseline.Mean(before, after);

        var ratio = live.VotesPerSecond / baseline.VotesPerSecond;
        List<Figure> figures =
        [
            new("accepted votes/s", live.VotesPerSecond, "/s", Math.Round(baseline.VotesPerSecond), "≥ 50% of baseline", ratio >= 0.5, live.Cpu, baseline.Cpu,
                ratio >= 0.5 ? "" : Limit(live, ratio, inRoom, reference, baseline.VotesPerSecond)),
            new("accepted votes/s, bare hub with the same Redis calls and ranking (reference)", reference.VotesPerSecond, "/s", Math.Round(baseline.VotesPerSecond),
                "— (reference)", null, reference.Cpu, baseline.Cpu),
            new("p50 vote-to-ranking", live.P50Ms, "ms", null, "—", null, live.Cpu, null),
            new("p99 vote-to-ranking", live.P99Ms, "ms", null, "—", null, live.Cpu, null),
        ];
        List<string> notes =
        [
            $"LiveHire: {inRoom} candidates, each on its own connection and in the room; {live.Accepted:N0} votes accepted in the {live.Seconds:0.0} s window " +
            $"({options.VotesInFlight} in flight); failed: {(live.Failures.Count == 0 ? "none" : string.Join(", ", live.Failures.Select(f => $"{f.Key} ×{f.Value}")))}; " +
            $"loops waited {live.VoterWait.TotalSeconds:0.0} s (summed) for a voter with room under the 20-per-10 s vote limiter; " +
            $"{live.Batches} VotesChanged batches reached the watcher; {live.Unseen} accepted votes never showed in the ranking.",
            $"Baseline: redis-benchmark -c {options.VotesInFlight} -P 1 -r 1000000000 (the voter's id in the keys replaced by __rand_int__), " +
            $"{options.RedisBenchmarkRequests:N0} calls per command, run twice around the storm (before it: {before.VotesPerSecond:N0} votes/s; after it: " +
            $"{after.VotesPerSecond:N0} votes/s); the figure is their mean, per command: {string.Join("; ", baseline.PerCommand.Select(c => $"{c.Command} {c.PerSecond:N0}/s"))}. " +
            "A vote needs each of these once, so baseline votes/s = 1 / Σ(1 / calls/s). Not replayed: the VotesChanged batch's HGETALL and backplane " +
            "PUBLISH, at most 4 a second per session and node, whatever the number of votes.",
            "Besides these Redis calls, each LiveHire vote is a hub invocation (authentication from the connection, JSON) and the checks that the " +
            "question is visible, the session open and the voter not banned, read from Realtime's per-node room cache (kept at most 2 s, " +
            "docs/realtime.md), which the baseline does not do.",
            $"Reference (not a target): the bare hub's VoteQuestion sends the same captured Redis commands, the caller's own person, session " +
            $"and question put in them (the limiter script, then, if it allowed, the toggle script), over StackExchange.Redis configured as " +
            $"LiveHire's, and every 250 ms one VotesChanged with the changed counts to everyone connected (LiveHire's live ranking), and nothing " +
            $"else: no authentication, room cache or backplane. Same closed loop ({options.VotesInFlight} in flight) " +
            $"from {inRoom:N0} anonymous connections: {reference.VotesPerSecond:N0} votes/s ({reference.VotesPerSecond / baseline.VotesPerSecond:P0} of " +
            $"redis-benchmark; LiveHire reached {live.VotesPerSecond / reference.VotesPerSecond:P0} of the reference), {reference.Accepted:N0} votes in " +
            $"{reference.Seconds:0.0} s; failed: {(reference.Failures.Count == 0 ? "none" : string.Join(", ", reference.Failures.Select(f => $"{f.Key} ×{f.Value}")))}; " +
            $"loops waited {reference.VoterWait.TotalSeconds:0.0} s; measured after LiveHire's storm, after {reference.WarmUpRates.Count} warm-up storms, one in " +
            $"each of LiveHire's limiter waits, each on a session of its own so none waits for the limiter " +
            $"({string.Join(", ", reference.WarmUpRates.Select(r => $"{r:N0}"))} votes/s). It shows what a SignalR " +
            "invocation around these two Redis calls, with the live ranking, costs on the server core by itself.",
            $"Before it, {rounds} unmeasured warm-up storms on other questions, one limiter window apart, each until the voters had used " +
            $"their windows: {string.Join(", ", warmUpRates.Select(r => $"{r:N0}"))} votes/s. A fresh process runs its vote path " +
            "unoptimised until .NET's tiered compilation promotes it, which it puts off while new code is still being compiled; the " +
            "first storm after a start shows that, the measured one a process that has served a room for a while.",
            "The window lasts the configured time or ends as soon as the loops have to wait for a voter with room under the limiter, whichever " +
            "comes first: past that point the count would measure the bench's supply of voters (voters × 20 per 10 s), not LiveHire.",
            "Vote-to-ranking latency: from the voter calling VoteQuestion to the first VotesChanged (at a watcher in the room, same process and clock) " +
            "whose count for that question reached the count the vote produced; it includes the batch interval (250 ms) by design.",
        ];
        return new(Number, Title, figures, notes);
    }

    [GeneratedRegex("vote:[0-9a-f]{32}:([0-9a-f]{32})")]
    private static partial Regex VoterInKey();

    private sealed record Live(double VotesPerSecond, double P50Ms, double P99Ms, long Accepted, double Seconds, TimeSpan VoterWait,
        IReadOnlyDictionary<string, long> Failures, long Batches, int Unseen, CpuUse Cpu);

    private sealed record Reference(double VotesPerSecond, long Accepted, double Seconds, TimeSpan VoterWait, IReadOnlyDictionary<string, long> Failures,
        CpuUse Cpu, IReadOnlyList<double> WarmUpRates);

    private sealed record Baseline(double VotesPerSecond, IReadOnlyList<(string Command, double PerSecond)> PerCommand, CpuUse Cpu)
    {
        /// <summary>The mean of two runs of the same commands: votes/s, each command's calls/s and the CPU shares.</summary>
        public static Baseline Mean(Baseline a, Baseline b) => new(
            (a.VotesPerSecond + b.VotesPerSecond) / 2,
            [.. a.PerCommand.Zip(b.PerCommand, (x, y) => (x.Command, (x.PerSecond + y.PerSecond) / 2))],
            CpuUse.Mean([a.Cpu, b.Cpu]));
    }

    /// <summary>
    /// The same storm on other questions, unmeasured, so that the Realtime process compiles and optimises its vote path (a
    /// fresh process runs its first thousands of calls through the JIT and unoptimised code). Returns a stopwatch started
    /// when it ended (the next storm waits until every voter's limiter window has passed, so it starts with the whole pool)
    /// and its votes/s, for the report.
    /// </summary>
    private static async Task<(Stopwatch Rested, double VotesPerSecond)> WarmUpAsync(BenchContext context, string target, IReadOnlyList<HubConnection> voters,
        Guid sessionId, IReadOnlyList<Guid> questions, CancellationToken ct)
    {
        var load = new VoteLoad(voters, sessionId, questions, new Ranking());
        using var stop = new CancellationTokenSource();
        Console.WriteLine($"  {target}: warming up for at most {context.Options.VoteWarmUp.TotalSeconds:0} s …");
        var started = Stopwatch.StartNew();
        var loop = load.RunAsync(context.Options.VotesInFlight, stop.Token);
        // Until the warm-up time is up or the voters have used their limiter windows, whichever comes first.
        var warmUpEnd = Task.Delay(context.Options.VoteWarmUp, ct);
        while (!warmUpEnd.IsCompleted && !loop.IsCompleted && !load.OutOfVoters)
            await Task.WhenAny(warmUpEnd, loop, Task.Delay(20, ct));
        var seconds = started.Elapsed.TotalSeconds;
        stop.Cancel();
        await loop;
        var rate = Math.Round(load.Ok / seconds);
        Console.WriteLine($"    {load.Ok:N0} warm-up votes ({rate:N0}/s); the voters' limiter windows pass in {VoteLoad.Window.TotalSeconds:0} s");
        // The caller waits out the rest of the window (and runs the first baseline meanwhile, after the last warm-up).
        return (Stopwatch.StartNew(), rate);
    }

    private static async Task WaitOutWindowAsync(Stopwatch rested, CancellationToken ct)
    {
        var left = VoteLoad.Window - rested.Elapsed;
        if (left > TimeSpan.Zero) await Task.Delay(left, ct);
    }

    private static async Task<Live> StormAsync(BenchContext context, IReadOnlyList<HubConnection> voters, IReadOnlyList<Guid> questions, CancellationToken ct)
    {
        var options = context.Options;
        var ranking = new Ranking();
        // The first voter's connection is the watcher: it is in the room like everyone else.
        using var watching = voters[0].On<VotesView>("VotesChanged", ranking.Batch);
        var load = new VoteLoad(voters, context.SessionId, questions, ranking);
        var deployment = context.Deployment;
        // Split by process, to see which part of the vote path takes the server core.
        var cpu = new CpuMeter(new Dictionary<string, Func<double>>
        {
            ["Realtime"] = () => ProcFs.CpuSeconds(deployment.RealtimePid(0)),
            ["Redis"] = deployment.RedisCpuSeconds,
            // Backends that exit inside the window included.
            ["PostgreSQL"] = deployment.PostgresCpuSeconds,
            ["Web"] = () => ProcFs.CpuSeconds(deployment.WebPid),
            ["load generator"] = () => context.LoadGenerator.Sum(ProcFs.CpuSeconds),
        });
        Console.WriteLine("  LiveHire: voting …");
        var (accepted, seconds, cpuUse, voterWait) = await MeasureAsync(options, load, cpu, ranking.StartRecording, ranking.StopRecording, ct);
        // The last batches: every accepted vote should show within a second.
        var drain = Stopwatch.StartNew();
        while (ranking.Unseen > 0 && drain.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50, ct);
        var live = new Live(Math.Round(accepted / seconds), ranking.Latency.PercentileMs(0.50), ranking.Latency.PercentileMs(0.99), accepted, seconds,
            voterWait, load.Failures, ranking.Batches, ranking.Unseen, cpuUse);
        Console.WriteLine($"    {live.VotesPerSecond:N0} votes/s, p50 {live.P50Ms} ms, p99 {live.P99Ms} ms, voters waited {voterWait.TotalSeconds:0.0} s, " +
                          $"CPU {string.Join(", ", cpuUse.Processes.Select(p => $"{p.Key} {p.Value:0.00}"))}");
        return live;
    }

    /// <summary>
    /// Runs <paramref name="load"/>'s closed loop and counts the accepted votes of the window: 0.3 s to fill the pipeline
    /// first (the process itself was warmed up before), then the configured window, which also ends as soon as no voter
    /// has room under the limiter (20 votes per 10 s per person): past that point the count measures the bench's supply of
    /// voters, not the server. A loop that starts waiting counts its wait only when the wait ends (up to a limiter window
    /// later), so the supply itself is watched, every 5 ms.
    /// </summary>
    private static async Task<(long Accepted, double Seconds, CpuUse Cpu, TimeSpan VoterWait)> MeasureAsync(BenchOptions options, VoteLoad load, CpuMeter cpu,
        Action started, Action stopped, CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var loop = load.RunAsync(options.VotesInFlight, stop.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);

        var (okBefore, waitBefore) = (load.Ok, load.VoterWait);
        started();
        cpu.Start();
        var window = Stopwatch.StartNew();
        var windowEnd = Task.Delay(options.Window, ct);
        while (!windowEnd.IsCompleted && !loop.IsCompleted && !load.OutOfVoters)
            await Task.WhenAny(windowEnd, loop, Task.Delay(5, ct));
        var accepted = load.Ok - okBefore;
        var seconds = window.Elapsed.TotalSeconds;
        var cpuUse = cpu.Stop();
        stopped();
        var voterWait = load.VoterWait - waitBefore;
        stop.Cancel();
        await loop;
        return (accepted, seconds, cpuUse, voterWait);
    }

    /// <summary>
    /// The reference: the bare hub, whose VoteQuestion sends the replayed Redis commands (the caller's own person, session
    /// and question in them), with the live ranking (VotesChanged every 250 ms to everyone connected) and nothing else,
    /// driven by the same closed loop from as many anonymous connections. Its storms run while LiveHire's voters wait out
    /// their limiter windows or after LiveHire's storm (Realtime is idle then); each uses a session of its own (the
    /// limiter's keys are per session and person), so none of them waits for the limiter.
    /// </summary>
    private sealed class BareHubVotes(BenchContext context, List<HubConnection> voters) : IAsyncDisposable
    {
        private readonly List<double> warmUpRates = [];

        public int WarmUps => warmUpRates.Count;

        public static async Task<BareHubVotes> ConnectAsync(BenchContext context, IReadOnlyList<RedisBaseline.Command> replay, Guid probe, int count,
            CancellationToken ct)
        {
            var deployment = context.Deployment;
            Console.WriteLine($"  bare hub with the same Redis calls and ranking (reference): {count} anonymous voters connecting …");
            var connections = await Askers.Anonymous(count).ConnectAsync(deployment.BareHub.BaseUrl, ct);
            var votes = new BareHubVotes(context, connections);
            try
            {
                var prepared = await connections[0].InvokeAsync<HubResult<bool>>("PrepareVotes", deployment.Redis.Port,
                    replay.Select(c => c.Arguments.ToArray()).ToArray(), context.SessionId, probe, ct);
                if (!prepared.Ok) throw new InvalidOperationException("The bare hub could not prepare the vote replay.");
                return votes;
            }
            catch
            {
                await votes.DisposeAsync();
                throw;
            }
        }

        /// <summary>One unmeasured storm, like each of LiveHire's warm-ups.</summary>
        public async Task WarmUpAsync(CancellationToken ct) =>
            warmUpRates.Add((await VoteStorm.WarmUpAsync(context, "bare hub", voters, Guid.NewGuid(), Fresh(context.Options.VoteQuestions), ct)).VotesPerSecond);

        public async Task<Reference> MeasureAsync(CancellationToken ct)
        {
            var deployment = context.Deployment;
            var load = new VoteLoad(voters, Guid.NewGuid(), Fresh(context.Options.VoteQuestions), new Ranking());
            var cpu = new CpuMeter(new Dictionary<string, Func<IReadOnlyList<int>>>
            {
                ["bare hub"] = () => [deployment.BareHub.Pid],
                ["Redis"] = deployment.RedisPids,
                ["load generator"] = () => context.LoadGenerator,
            });
            Console.WriteLine("  bare hub: voting …");
            var (accepted, seconds, cpuUse, voterWait) = await VoteStorm.MeasureAsync(context.Options, load, cpu, () => { }, () => { }, ct);
            var reference = new Reference(Math.Round(accepted / seconds), accepted, seconds, voterWait, load.Failures, cpuUse, warmUpRates);
            Console.WriteLine($"    {reference.VotesPerSecond:N0} votes/s, voters waited {voterWait.TotalSeconds:0.0} s, " +
                              $"CPU {string.Join(", ", cpuUse.Processes.Select(p => $"{p.Key} {p.Value:0.00}"))}");
            return reference;
        }

        private static Guid[] Fresh(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

        public async ValueTask DisposeAsync()
        {
            foreach (var voter in voters) await voter.DisposeAsync();
        }
    }

    private static async Task<Baseline> BaselineAsync(BenchContext context, IReadOnlyList<RedisBaseline.Command> replay, CancellationToken ct)
    {
        var deployment = context.Deployment;
        var self = Environment.ProcessId;
        var cpu = new CpuMeter(new Dictionary<string, Func<double>>
        {
            ["Redis"] = deployment.RedisCpuSeconds,
            // redis-benchmark is the load generator here; its CPU is counted once it has exited (cutime/cstime).
            ["redis-benchmark"] = () => ProcFs.ChildCpuSeconds(self),
        });
        Console.WriteLine("  baseline: redis-benchmark …");
        cpu.Start();
        List<(string, double)> perCommand = [];
        foreach (var command in replay)
            perCommand.Add((command.Name, await RedisBaseline.RunAsync(deployment.Redis.Port, command, context.Options.VotesInFlight, context.Options.RedisBenchmarkRequests, ct)));
        var cpuUse = cpu.Stop();
        var votesPerSecond = 1 / perCommand.Sum(c => 1 / c.Item2);
        Console.WriteLine($"    {votesPerSecond:N0} votes/s ({string.Join(", ", perCommand.Select(c => $"{c.Item1} {c.Item2:N0}/s"))})");
        return new(votesPerSecond, perCommand, cpuUse);
    }

    private static async Task<List<Guid>> AskAsync(BenchContext context, int count, CancellationToken ct)
    {
        List<Guid> ids = [];
        while (ids.Count < count)
        {
            var (asker, _) = await context.Askers.NextAsync(ct);
            var asked = await asker.InvokeAsync<HubResult<QuestionView>>("AskQuestion", context.SessionId, $"投票题 {ids.Count + 1}：{QuestionText.Make()}", ct);
            if (asked is { Ok: true, Value: { } q }) ids.Add(q.Id);
            else throw new InvalidOperationException($"Could not ask a question to vote on: {asked.Error?.Code}");
        }
        return ids;
    }

    private static async Task JoinAllAsync(IReadOnlyList<HubConnection> voters, Guid sessionId, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(voters.Select(async voter =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var joined = await voter.InvokeAsync<HubResult<System.Text.Json.JsonElement>>("JoinSession", sessionId, ct);
                if (!joined.Ok) throw new InvalidOperationException($"A voter could not join: {joined.Error?.Code}");
            }
            finally { gate.Release(); }
        }));
    }

    private static string Limit(Live live, double ratio, int inRoom, Reference reference, double baseline)
    {
        var reasons = new List<string> { $"{ratio:P0} of redis-benchmark replaying the same Redis calls" };
        if (live.VoterWait > TimeSpan.FromSeconds(1))
            reasons.Add($"the voters ran out of room under the 20-per-10 s vote limiter for {live.VoterWait.TotalSeconds:0.0} loop-seconds (a load-generator limit: more voters needed)");
        var server = live.Cpu.Processes.Where(p => p.Key != "load generator").ToList();
        var used = server.Sum(p => p.Value);
        if (used > 0.85)
            reasons.Add($"the server core was saturated ({string.Join(" + ", server.Select(p => $"{p.Key} {p.Value:0.00}"))} cores; " +
                        $"{used / live.VotesPerSecond * 1000:0.00} ms of server CPU per vote): a vote is a hub invocation (authentication, JSON, " +
                        $"the room cache's checks) around its two Redis scripts, and Redis itself is a small part of it; the live ranking it feeds " +
                        $"(VotesChanged, up to 4 a second) goes to all {inRoom:N0} people in the room. A bare SignalR hub making the same two Redis " +
                        $"calls per vote and sending the same ranking reached {reference.VotesPerSecond:N0} votes/s on the same core ({reference.VotesPerSecond / baseline:P0} of redis-benchmark; " +
                        $"{string.Join(" + ", reference.Cpu.Processes.Where(p => p.Key != "load generator").Select(p => $"{p.Key} {p.Value:0.00}"))} cores), " +
                        $"and LiveHire {live.VotesPerSecond / reference.VotesPerSecond:P0} of that");
        else if (live.Cpu.CoreBusy.Length > 1 && live.Cpu.CoreBusy[^1] >= 0.95)
            reasons.Add($"the server core was {live.Cpu.CoreBusy[^1]:P0} busy but LiveHire's processes used only {used:0.00} of it: other work on this shared machine");
        if (live.Cpu.Processes.GetValueOrDefault("load generator") > 0.9)
            reasons.Add($"the load generator was saturated ({live.Cpu.Processes["load generator"]:0.00} cores)");
        return string.Join("; ", reasons);
    }
}

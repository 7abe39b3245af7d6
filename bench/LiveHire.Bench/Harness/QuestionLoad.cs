using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Harness;

/// <summary>
/// A closed loop of questions: <see cref="BenchOptions.AsksInFlight"/> askers at a time call AskQuestion and, when it
/// returns, the next one asks. The same offered concurrency for LiveHire and the bare hub; throughput is then what
/// the server (and the viewers' side) can carry.
/// </summary>
public sealed class QuestionLoad
{
    private long ok;
    private long askerWaitTicks;
    // Per loop: when it began waiting for an asker (Stopwatch timestamp), 0 while it is not waiting.
    private long[] waitingSince = [];
    private readonly ConcurrentDictionary<string, long> failures = new();

    public long Ok => Interlocked.Read(ref ok);
    public IReadOnlyDictionary<string, long> Failures => failures;
    /// <summary>Time the loops spent waiting for an asker whose slow-mode window had room (0 when the asker pool never ran dry).</summary>
    public TimeSpan AskerWait
    {
        get
        {
            var now = Stopwatch.GetTimestamp();
            var ongoing = waitingSince.Select((_, i) => Volatile.Read(ref waitingSince[i])).Where(since => since != 0).Sum(since => Stopwatch.GetElapsedTime(since, now).Ticks);
            return TimeSpan.FromTicks(Interlocked.Read(ref askerWaitTicks) + ongoing);
        }
    }

    /// <summary>
    /// An open loop at a steady rate: a question every 1/<paramref name="perSecond"/> s whatever the replies, as a live room
    /// sees them. Used for latency below saturation; returns once <paramref name="stop"/> fires and the asks in flight finish.
    /// </summary>
    public async Task RunPacedAsync(Askers askers, Guid sessionId, double perSecond, CancellationToken stop)
    {
        List<Task> asks = [];
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                try { await Task.Delay(due, stop); }
                catch (OperationCanceledException) { break; }
            }
            HubConnection connection;
            try { connection = (await askers.NextAsync(stop)).Connection; }
            catch (OperationCanceledException) { break; }
            asks.Add(AskAsync(connection, sessionId));
        }
        await Task.WhenAll(asks);
    }

    private async Task AskAsync(HubConnection connection, Guid sessionId)
    {
        try
        {
            var result = await connection.InvokeAsync<HubResult<QuestionView>>("AskQuestion", sessionId, QuestionText.Make(), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(30));
            if (result.Ok) Interlocked.Increment(ref ok);
            else failures.AddOrUpdate(result.Error?.Code ?? "unknown", 1, (_, n) => n + 1);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or HubException)
        {
            failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
        }
    }

    public Task RunAsync(Askers askers, Guid sessionId, int inFlight, CancellationToken stop)
    {
        waitingSince = new long[inFlight];
        return Task.WhenAll(Enumerable.Range(0, inFlight).Select(loop => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HubConnection connection;
                var since = Stopwatch.GetTimestamp();
                Volatile.Write(ref waitingSince[loop], since);
                try { connection = (await askers.NextAsync(stop)).Connection; }
                catch (OperationCanceledException) { return; }
                finally
                {
                    Volatile.Write(ref waitingSince[loop], 0);
                    Interlocked.Add(ref askerWaitTicks, Stopwatch.GetElapsedTime(since).Ticks);
                }
                // Not cancelled by stop: a question in flight is allowed to finish, so every broadcast is counted.
                await AskAsync(connection, sessionId);
            }
        })));
    }
}

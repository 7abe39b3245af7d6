using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Harness;

/// <summary>
/// A closed loop of votes: <c>inFlight</c> voters at a time call VoteQuestion and, when it returns, the next one
/// votes. Each voter votes once on each question (person i's k-th vote goes to question (i + k) mod Q), never twice,
/// and only while LiveHire's vote limiter (20 per 10 s per person) has room, so every vote is one the server should
/// accept. Running out of voters with room is counted as a wait (a load-generator limit), as for questions.
/// </summary>
public sealed class VoteLoad(IReadOnlyList<HubConnection> voters, Guid sessionId, IReadOnlyList<Guid> questions, Ranking ranking)
{
    // The server's window starts when the first vote reaches Redis, a little after it leaves here.
    private const int PerWindow = 20;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(11);

    private readonly Turns turns = new(voters.Count, PerWindow, Window, total: questions.Count);
    private readonly ConcurrentDictionary<string, long> failures = new();
    private long ok;
    private long waitTicks;

    public long Ok => Interlocked.Read(ref ok);
    public IReadOnlyDictionary<string, long> Failures => failures;
    /// <summary>Time the loops spent waiting for a voter whose limiter window had room, summed over loops.</summary>
    public TimeSpan VoterWait => TimeSpan.FromTicks(Interlocked.Read(ref waitTicks));
    /// <summary>
    /// True while no voter has room under the limiter (or every voter has voted on every question): a vote asked for now
    /// would wait. Seen at once, unlike <see cref="VoterWait"/>, which counts a wait only when it ends.
    /// </summary>
    public bool OutOfVoters => turns.Exhausted;
    /// <summary>False once every voter has voted on every question (the storm is over).</summary>
    public bool AnyLeft => turns.AnyLeft;

    public Task RunAsync(int inFlight, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var since = Stopwatch.GetTimestamp();
                (int Person, int Turn)? next;
                try { next = await turns.NextAsync(stop); }
                catch (OperationCanceledException) { return; }
                finally
                {
                    Interlocked.Add(ref waitTicks, Stopwatch.GetElapsedTime(since).Ticks);
                }
                if (next is not { } turn) return;
                var question = questions[(turn.Person + turn.Turn) % questions.Count];
                var sentAt = Stopwatch.GetTimestamp();
                try
                {
                    // Not cancelled by stop: a vote in flight may finish, so its batch is counted.
                    var result = await voters[turn.Person].InvokeAsync<HubResult<VoteView>>("VoteQuestion", sessionId, question, CancellationToken.None)
                        .WaitAsync(TimeSpan.FromSeconds(30));
                    if (result.Ok && result.Value is { Voted: true } vote)
                    {
                        Interlocked.Increment(ref ok);
                        ranking.Accepted(question, vote.Votes, sentAt);
                    }
                    else failures.AddOrUpdate(result.Error?.Code ?? "took a vote back", 1, (_, n) => n + 1);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or HubException)
                {
                    failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        })));
}

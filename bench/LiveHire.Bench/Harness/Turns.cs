using System.Diagnostics;

namespace LiveHire.Bench.Harness;

/// <summary>
/// Whose turn it is among <c>count</c> people, each allowed <c>perWindow</c> turns per <c>window</c> (LiveHire's own
/// per-person limits: slow mode for questions, the vote limiter for votes) and, optionally, <c>total</c> turns in all.
/// A person is handed out only while their window has room, so the load generator never sends what the server would
/// refuse; when everyone is used up the caller waits, and that wait is reported as a load-generator limit.
/// </summary>
public sealed class Turns
{
    private readonly int count;
    private readonly int perWindow;
    private readonly long windowTicks;
    private readonly int? total;
    private readonly PriorityQueue<int, long> ready = new();
    private readonly Dictionary<int, (long WindowEnd, int Used)> windows = [];
    private readonly Dictionary<int, int> taken = [];
    // Who may be handed out (all, until Activate narrows it).
    private HashSet<int>? active;

    /// <param name="perWindow">Turns per person per window; 0 means no limit.</param>
    /// <param name="total">Turns per person in all (then they are retired); null means no limit.</param>
    public Turns(int count, int perWindow, TimeSpan window, int? total = null)
    {
        (this.count, this.perWindow, windowTicks, this.total) = (count, perWindow, (long)(window.TotalSeconds * Stopwatch.Frequency), total);
        for (var i = 0; i < count; i++) ready.Enqueue(i, 0);
    }

    /// <summary>
    /// The <paramref name="k"/> people who may act soonest, most turns left first: those whose window has passed (or who
    /// never acted), then those with turns left in it, then those waiting longest for it to pass.
    /// </summary>
    public IReadOnlyList<int> Freest(int k)
    {
        lock (ready)
        {
            var now = Stopwatch.GetTimestamp();
            return [.. Enumerable.Range(0, count)
                .Where(person => total is not { } t || taken.GetValueOrDefault(person) < t)
                .Select(person => windows.TryGetValue(person, out var w) && now < w.WindowEnd
                    ? (Person: person, At: w.Used < perWindow ? now : w.WindowEnd, Used: w.Used)
                    : (Person: person, At: now, Used: 0))
                .OrderBy(p => p.At).ThenBy(p => p.Used).ThenBy(p => p.Person)
                .Take(k).Select(p => p.Person)];
        }
    }

    /// <summary>
    /// From now on only <paramref name="people"/> are handed out (the ones connected for a run); their windows carry over,
    /// and everyone else's are kept for a later <see cref="Activate"/>.
    /// </summary>
    public void Activate(IReadOnlyCollection<int> people)
    {
        lock (ready)
        {
            var now = Stopwatch.GetTimestamp();
            ready.Clear();
            active = [.. people];
            foreach (var person in people)
            {
                if (total is { } t && taken.GetValueOrDefault(person) >= t) continue;
                var at = windows.TryGetValue(person, out var w) && now < w.WindowEnd && w.Used >= perWindow && perWindow > 0 ? w.WindowEnd : 0;
                ready.Enqueue(person, at);
            }
        }
    }

    /// <summary>True while someone still has turns left (always, without a total).</summary>
    public bool AnyLeft { get { lock (ready) return ready.Count > 0; } }

    /// <summary>
    /// True while nobody may act now: everyone left has used up their window, or everyone has had their total. A loop
    /// asking now would wait, so from this moment the pace is the supply of people, not the server.
    /// </summary>
    public bool Exhausted
    {
        get
        {
            lock (ready) return !ready.TryPeek(out _, out var at) || at > Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// Waits (at most one window) until at least <paramref name="share"/> of the turns a window holds for the people handed
    /// out (all, or those of the last <see cref="Activate"/>) are free again
    /// (a person whose window has passed has all of theirs), so a run starts with most of the pool rather than being starved
    /// by the run before it, without waiting for the last few. Returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(double share, CancellationToken ct)
    {
        if (perWindow == 0) return TimeSpan.Zero;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            long free;
            lock (ready)
            {
                var now = Stopwatch.GetTimestamp();
                free = (active ?? Enumerable.Range(0, count)).Sum(person =>
                    windows.TryGetValue(person, out var w) && now < w.WindowEnd ? perWindow - w.Used : perWindow);
            }
            if (free >= share * (active?.Count ?? count) * perWindow) return waited.Elapsed < TimeSpan.FromMilliseconds(1) ? TimeSpan.Zero : waited.Elapsed;
            await Task.Delay(200, ct);
        }
    }

    /// <summary>
    /// The next person who may act now and which of their turns this is (0, 1, …), waiting while everyone's window is
    /// used up; null once everyone has had their <c>total</c>.
    /// </summary>
    public async Task<(int Person, int Turn)?> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            long wait;
            lock (ready)
            {
                if (ready.Count == 0) return null;
                var now = Stopwatch.GetTimestamp();
                if (ready.TryPeek(out var person, out var at) && at <= now)
                {
                    ready.Dequeue();
                    var turn = taken.GetValueOrDefault(person);
                    taken[person] = turn + 1;
                    var retired = total is { } t && turn + 1 >= t;
                    if (perWindow == 0)
                    {
                        if (!retired) ready.Enqueue(person, 0);
                        return (person, turn);
                    }
                    var (end, used) = windows.GetValueOrDefault(person);
                    if (now >= end) (end, used) = (now + windowTicks, 0);
                    used++;
                    windows[person] = (end, used);
                    if (!retired) ready.Enqueue(person, used < perWindow ? now : end);
                    return (person, turn);
                }
                wait = at - now;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(wait * 1000.0 / Stopwatch.Frequency, 1, 50)), ct);
        }
    }
}

namespace LiveHire.Bench;

/// <summary>How big a run is. <see cref="Full"/> is the reference run (about 10 min on 2 cores; cut off at 20 min); <see cref="Quick"/> smaller (a few minutes; cut off at 10 min), start-up, sign-ups and seeding included.</summary>
public sealed record BenchOptions
{
    public required string Name { get; init; }
    /// <summary>Viewer counts of the Q&amp;A fan-out scenario; the first one carries the p99 target.</summary>
    public required int[] FanOutViewers { get; init; }
    /// <summary>
    /// Turns of the fan-out at its first size (bare hub, then LiveHire, each time): each side's deliveries/s is the mean of its runs.
    /// Single runs of 1,000 viewers gave LiveHire 83-98% of the bare hub on one day, the bare hub itself moving by 10%.
    /// </summary>
    public int FanOutRounds { get; init; } = 2;
    /// <summary>Idle viewers to hold on one Realtime process (and on the bare hub).</summary>
    public required int ConnectionsTarget { get; init; }
    /// <summary>Set when this machine's RLIMIT_NOFILE forced <see cref="ConnectionsTarget"/> below the target.</summary>
    public int? ConnectionsTargetCappedFrom { get; init; }
    /// <summary>How long LiveHire may take to connect and join <see cref="ConnectionsTarget"/> viewers before the scenario stops short.</summary>
    public required TimeSpan ConnectionsDeadline { get; init; }
    public required int ScaleOutViewers { get; init; }
    /// <summary>
    /// Turns of the scale-out scenario (1 node, then 2 nodes, each time): each layout's figure is the mean of its runs. Run once
    /// each, a run sometimes came out 15-30% below the same layout run alone, whichever layout it was.
    /// </summary>
    public int ScaleOutRounds { get; init; } = 2;
    /// <summary>
    /// The scale-out's one-node layout is the fan-out scenario's LiveHire run when that ran at the same size in this run (the
    /// same measurement: one Realtime node on the backplane, fresh, the same askers and window), instead of a run of its own.
    /// </summary>
    public bool ScaleOutReusesFanOut { get; init; }
    /// <summary>
    /// Signed-in candidates who ask and vote; slow mode lets each ask 3 questions per 30 s, and the vote limiter lets each
    /// vote 20 times per 10 s, so the vote storm's window is at most Askers × 20 / (votes/s) long.
    /// </summary>
    public required int Askers { get; init; }
    /// <summary>Askers connected for one fan-out run (the ones with the most questions left); the bare hub gets as many anonymous ones.</summary>
    public int AskersPerRun { get; init; } = 400;
    /// <summary>Questions in flight at once (a closed loop): the same offered concurrency for LiveHire and the bare hub.</summary>
    public int AsksInFlight { get; init; } = 8;
    /// <summary>
    /// Questions asked, unmeasured, before a fan-out's window. Both servers are fresh processes, and .NET optimises a path
    /// only after it has run a while: with 1 s, LiveHire's backplane fan-out loop was still unoptimised (Tier0) in the window.
    /// </summary>
    public required TimeSpan WarmUp { get; init; }
    /// <summary>The steady rate (an open loop, well below saturation) at which fan-out latency is measured after the closed loop.</summary>
    public double SteadyQuestionsPerSecond { get; init; } = 5;
    /// <summary>Fresh questions of the vote storm: each candidate votes once on each.</summary>
    public required int VoteQuestions { get; init; }
    /// <summary>Votes in flight at once (a closed loop), and redis-benchmark's connections for the baseline.</summary>
    public int VotesInFlight { get; init; } = 32;
    /// <summary>The longest of each unmeasured storm (on other questions) that warms the Realtime process up before the measured one; it ends sooner when the voters have used their limiter windows.</summary>
    public TimeSpan VoteWarmUp { get; init; } = TimeSpan.FromSeconds(8);
    /// <summary>
    /// Unmeasured warm-up storms, one limiter window apart. One was not enough: .NET keeps a fresh process's code unoptimised
    /// while it is still compiling new methods (tiered compilation's call-counting delay), and after one storm the vote path
    /// ran at about 60% of the rate it reaches from the third on (2026-12-05, quick: 9.0-9.4k against 14.2-15.1k votes/s).
    /// </summary>
    public int VoteWarmUpRounds { get; init; } = 3;
    /// <summary>Calls redis-benchmark makes per replayed command.</summary>
    public required int RedisBenchmarkRequests { get; init; }
    /// <summary>Rounds of the resume drop: each round is <see cref="ResumeUploads"/> candidates uploading at once.</summary>
    public required int ResumeRounds { get; init; }
    public int ResumeUploads { get; init; } = 20;
    /// <summary>Unmeasured rounds first, on each side: with one, Web's upload path still ran unoptimised (Tier0) code in the measured rounds.</summary>
    public int ResumeWarmUpRounds { get; init; } = 4;
    public int ResumeBytes { get; init; } = 2 * 1024 * 1024;
    public required TimeSpan Window { get; init; }
    /// <summary>How long a fan-out's viewers must receive nothing before the last broadcasts count as drained.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Reminders due at the same instant in the reminders scenario (and jobs in its Hangfire baseline).</summary>
    public required int Reminders { get; init; }
    /// <summary>How long the reminder dispatch (and the baseline) may run before what is left unsent is reported.</summary>
    public required TimeSpan ReminderBound { get; init; }
    /// <summary>Dispatch loops at once: Workers' Hangfire worker count on one core.</summary>
    public int ReminderDispatchers { get; init; } = 2;
    /// <summary>How long the live video viewer is sampled (after 5 s of settling).</summary>
    public required TimeSpan VideoWindow { get; init; }
    /// <summary>Open jobs seeded for the search scenario (issue 6: fast on 100,000).</summary>
    public required int SearchJobs { get; init; }
    /// <summary>Measured requests per search (one at a time), after 5 unmeasured ones.</summary>
    public required int SearchRequests { get; init; }

    public static BenchOptions Full { get; } = new()
    {
        Name = "full",
        FanOutViewers = [1_000, 5_000],
        ConnectionsTarget = 20_000,
        ConnectionsDeadline = TimeSpan.FromSeconds(90),
        ScaleOutViewers = 1_000,
        // 2,000 voters hold 40,000 votes per limiter window: a whole 6 s storm window at the votes/s seen here.
        Askers = 2_000,
        // 800 askers ask 2,400 questions per slow-mode window: the warm-up and window together (11 s) at up to 200 questions/s.
        // With 600, LiveHire at 167k deliveries/s (167 questions/s) ran them dry for 3.2 loop-seconds of a window (2026-12-06).
        AskersPerRun = 800,
        WarmUp = TimeSpan.FromSeconds(5),
        Window = TimeSpan.FromSeconds(6),
        VoteQuestions = 40,
        RedisBenchmarkRequests = 100_000,
        ResumeRounds = 5,
        Reminders = 100_000,
        ReminderBound = TimeSpan.FromSeconds(60),
        VideoWindow = TimeSpan.FromSeconds(15),
        SearchJobs = 100_000,
        SearchRequests = 60,
    };

    public static BenchOptions Quick { get; } = new()
    {
        Name = "quick",
        // One size, the one that carries the p99 target.
        FanOutViewers = [1_000],
        FanOutRounds = 1,
        ConnectionsTarget = 2_000,
        ConnectionsDeadline = TimeSpan.FromSeconds(20),
        // The full run's size: at 200 viewers the room takes questions faster than 400 askers under slow mode can ask them, and the
        // quick runs before 2026-12-06 measured the askers running dry (1,200 questions each run, "2 nodes" 33% faster than 1).
        ScaleOutViewers = 1_000,
        ScaleOutRounds = 1,
        ScaleOutReusesFanOut = true,
        // 1,000 voters hold 20,000 votes per limiter window: a whole 3 s storm window.
        Askers = 1_000,
        // 1,500 questions per slow-mode window: the quick warm-up and window together (7 s) at up to 200 questions/s.
        AskersPerRun = 500,
        WarmUp = TimeSpan.FromSeconds(4),
        Window = TimeSpan.FromSeconds(3),
        Drain = TimeSpan.FromSeconds(1),
        VoteQuestions = 20,
        VoteWarmUp = TimeSpan.FromSeconds(5),
        RedisBenchmarkRequests = 50_000,
        ResumeRounds = 2,
        Reminders = 3_000,
        ReminderBound = TimeSpan.FromSeconds(60),
        VideoWindow = TimeSpan.FromSeconds(5),
        // Seeded beside the load generator's warm-up: 20,000 took 15-17 s of a set-up the warm-up needs 12 s of.
        SearchJobs = 10_000,
        SearchRequests = 30,
    };
}

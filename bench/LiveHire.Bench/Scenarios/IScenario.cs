using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;

namespace LiveHire.Bench.Scenarios;

/// <summary>One numbered measurement of issue 7. Adding a measurement is adding a class.</summary>
public interface IScenario
{
    /// <summary>The number in issue 7 (1 = Q&amp;A fan-out … 7 = live video).</summary>
    int Number { get; }
    string Title { get; }

    /// <summary>What this scenario runs beyond the deployment (checked before the run starts anything).</summary>
    IReadOnlyList<Prerequisite> Needs => [];

    /// <summary>
    /// Set-up that measures nothing and needs no askers (seeding), run during the sign-ups, before any scenario. The run
    /// waits for it before the first scenario, so nothing measured overlaps it.
    /// </summary>
    Task PrepareAsync(BenchDeployment deployment, BenchOptions options, CancellationToken ct) => Task.CompletedTask;

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct);
}

/// <summary>What every scenario gets: the running deployment, the run's size, the signed-up askers and the live session.</summary>
public sealed record BenchContext(BenchDeployment Deployment, BenchOptions Options, Askers Askers, Guid SessionId)
{
    public IReadOnlyList<int> LoadGenerator { get; } = [System.Environment.ProcessId];

    /// <summary>The fan-out scenario's LiveHire runs (one Realtime node), which a quick run's scale-out reuses as its one-node layout.</summary>
    public List<FanOutRun.Result> LiveHireFanOuts { get; } = [];
}

/// <summary>A scenario's measured figures, or why it was not measured.</summary>
public sealed record ScenarioResult(int Number, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Notes, string? NotMeasuredReason = null)
{
    /// <summary>How long the scenario took, its own seeding and sign-ups included (set by the run).</summary>
    public double Seconds { get; init; }

    public static ScenarioResult NotMeasured(int number, string title, string reason) => new(number, title, [], [], reason);
}

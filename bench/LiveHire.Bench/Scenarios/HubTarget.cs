using LiveHire.Bench.Harness;

namespace LiveHire.Bench.Scenarios;

/// <summary>What a run drives: LiveHire's Realtime node(s) or the bare hub, with the processes whose CPU counts as the server's.</summary>
public sealed record HubTarget(string Name, IReadOnlyList<Uri> Hubs, Askers Askers, Func<IReadOnlyList<int>> HubPids, Func<double> BackingCpuSeconds,
    Func<CancellationToken, Task> RestartAsync)
{
    public static HubTarget LiveHire(BenchContext context, params int[] nodes)
    {
        var deployment = context.Deployment;
        return new(nodes.Length == 1 ? "LiveHire" : $"LiveHire ×{nodes.Length} nodes", [.. nodes.Select(n => deployment.Realtime[n].BaseUrl)], context.Askers,
            () => [.. nodes.Select(deployment.RealtimePid)], deployment.BackingCpuSeconds,
            async ct => { foreach (var n in nodes) await deployment.RestartRealtimeAsync(n, ct); });
    }

    public static HubTarget BareHub(BenchContext context) =>
        new("bare hub", [context.Deployment.BareHub.BaseUrl], Askers.Anonymous(context.Options.AskersPerRun), () => [context.Deployment.BareHub.Pid], () => 0,
            context.Deployment.RestartBareHubAsync);

    /// <summary>The hub's Uri may change when the bare hub restarts on a new port; read it fresh.</summary>
    public IReadOnlyList<Uri> CurrentHubs(BenchContext context) => Name == "bare hub" ? [context.Deployment.BareHub.BaseUrl] : Hubs;

    public CpuMeter CpuMeter(BenchContext context) => new(new Dictionary<string, Func<double>>
    {
        [Name == "bare hub" ? "bare hub" : "Realtime"] = () => HubPids().Sum(ProcFs.CpuSeconds),
        ["Redis+PostgreSQL+Web"] = BackingCpuSeconds,
        ["load generator"] = () => context.LoadGenerator.Sum(ProcFs.CpuSeconds),
    });
}

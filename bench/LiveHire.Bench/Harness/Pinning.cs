using System.Diagnostics;

namespace LiveHire.Bench.Harness;

/// <summary>
/// Keeps the servers and the load generator on separate cores with taskset when the machine has two or more:
/// servers on the last core, the load generator on the others (on 2 cores: servers on core 1, load on core 0).
/// A child process inherits the affinity of the thread that starts it, so servers are started while every thread of
/// this process is on the server core (their runtimes then size GC heaps and thread pools for that one core), and
/// the whole process tree is pinned again afterwards in case a thread slipped through.
/// </summary>
public static class Pinning
{
    public static bool Enabled { get; } = System.Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");
    public static string ServerCores { get; } = Enabled ? $"{System.Environment.ProcessorCount - 1}" : "all";
    public static string LoadCores { get; } = Enabled ? (System.Environment.ProcessorCount == 2 ? "0" : $"0-{System.Environment.ProcessorCount - 2}") : "all";

    private static readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Pins this process (the load generator) to the load cores.</summary>
    public static Task PinLoadGeneratorAsync() => Enabled ? TasksetAsync(LoadCores, System.Environment.ProcessId) : Task.CompletedTask;

    /// <summary>Runs <paramref name="start"/> (which starts server processes) with this process on the server core, then moves back.</summary>
    public static async Task<T> StartOnServerCoreAsync<T>(Func<Task<T>> start)
    {
        if (!Enabled) return await start();
        await gate.WaitAsync();
        try
        {
            await TasksetAsync(ServerCores, System.Environment.ProcessId);
            try { return await start(); }
            finally { await TasksetAsync(LoadCores, System.Environment.ProcessId); }
        }
        finally { gate.Release(); }
    }

    /// <summary>
    /// Moves a one-off process that is not measured (the schema migration) to the load cores, so that it does not take the server
    /// core from the servers starting beside it. The load generator is idle while the deployment starts.
    /// </summary>
    public static Task MoveToLoadCoresAsync(int pid) => Enabled ? TasksetAsync(LoadCores, pid) : Task.CompletedTask;

    /// <summary>Pins the given processes and all their threads and descendants to the server core.</summary>
    public static async Task PinServersAsync(IEnumerable<int> pids)
    {
        if (!Enabled) return;
        foreach (var pid in pids.SelectMany(ProcFs.Tree).Distinct())
            if (pid != System.Environment.ProcessId) await TasksetAsync(ServerCores, pid);
    }

    /// <summary>
    /// Lets the given server processes (and their threads and descendants) and this one use every core while
    /// <paramref name="work"/> runs, then pins them back. Only for set-up that is not measured (seeding the candidates
    /// and the scenarios' data), never around a scenario; <paramref name="work"/> must start processes only through
    /// <see cref="StartOnServerCoreAsync"/> (so that they see one core, not the spread). The trees are walked
    /// again afterwards, so children started meanwhile (PostgreSQL backends, which inherit the spread) are pinned too.
    /// </summary>
    public static async Task SpreadWhileAsync(IEnumerable<int> pids, Func<Task> work)
    {
        if (!Enabled)
        {
            await work();
            return;
        }
        List<int> roots = [.. pids];
        var all = $"0-{System.Environment.ProcessorCount - 1}";
        foreach (var pid in roots.SelectMany(ProcFs.Tree).Distinct().Append(System.Environment.ProcessId)) await TasksetAsync(all, pid);
        try { await work(); }
        finally
        {
            await PinServersAsync(roots);
            await PinLoadGeneratorAsync();
        }
    }

    private static async Task TasksetAsync(string cores, int pid)
    {
        using var taskset = Process.Start(new ProcessStartInfo("/usr/bin/taskset", ["-a", "-p", "-c", cores, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await taskset.StandardOutput.ReadToEndAsync();
        await taskset.WaitForExitAsync();
        // A process that exited in the meantime cannot be pinned and needs no pinning.
    }
}

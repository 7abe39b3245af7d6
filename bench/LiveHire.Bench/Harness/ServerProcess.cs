namespace LiveHire.Bench.Harness;

/// <summary>Finds servers started by the LiveHire.Testing wrappers (Redis, PostgreSQL, Azurite), whose pids they do not expose.</summary>
public static class ServerProcess
{
    /// <summary>Processes whose command line holds <paramref name="fragment"/> (e.g. a server's data directory or port).</summary>
    public static IReadOnlyList<int> WithCommandLine(string fragment) =>
        [.. ProcFs.AllPids().Where(pid => pid != System.Environment.ProcessId && ProcFs.CommandLine(pid).Contains(fragment, StringComparison.Ordinal))];
}

using LiveHire.Core.Hosting;
using LiveHire.Testing;

namespace LiveHire.Bench.Harness;

/// <summary>
/// A program or file the bench runs but does not install (<c>scripts/test.sh</c> installs them all, as the tests need them too).
/// The run checks them before it starts anything, so a machine without one gets a message naming each missing piece and
/// its Debian package, not a stack trace from the first server that fails to start part-way through the set-up.
/// </summary>
/// <param name="What">What is missing, as the message names it.</param>
/// <param name="Where">The program (a bare name is looked up on PATH) or file looked for.</param>
/// <param name="InstalledBy">What installs it.</param>
public sealed record Prerequisite(string What, string Where, string InstalledBy)
{
    private const string Npm = "npm ci --prefix tests/tools";

    public bool Present => Executables.Find(Where) is not null;

    /// <summary>What the deployment itself starts: Redis, PostgreSQL and Azurite.</summary>
    public static IReadOnlyList<Prerequisite> Deployment { get; } =
    [
        new("redis-server", RedisServer.Executable, "apt-get install redis-server"),
        new("PostgreSQL's pg_ctl", PostgresServer.BinDirectory is { Length: > 0 } bin ? Path.Combine(bin, "pg_ctl") : "pg_ctl", "apt-get install postgresql"),
        new("Azurite", AzuriteServer.Executable, Npm),
    ];

    /// <summary>
    /// The missing ones among <paramref name="needed"/>, each named once, as one message that says how to install them; null
    /// when nothing is missing.
    /// </summary>
    public static string? Missing(IEnumerable<Prerequisite> needed)
    {
        var missing = needed.DistinctBy(p => p.Where).Where(p => !p.Present).ToList();
        if (missing.Count == 0) return null;
        var lines = missing.Select(p => $"  - {p.What}: {p.Where} not found ({p.InstalledBy})");
        var packages = missing.Select(p => p.InstalledBy).Where(i => i.StartsWith("apt-get install ", StringComparison.Ordinal))
            .Select(i => i["apt-get install ".Length..]).Distinct().ToList();
        var install = string.Join(" && ", new[]
        {
            packages.Count > 0 ? $"apt-get update && apt-get install -y {string.Join(' ', packages)}" : null,
            missing.Any(p => p.InstalledBy == Npm) ? Npm : null,
        }.OfType<string>());
        return $"The bench cannot run: it starts these and this machine does not have them:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}"
            + $"Install them with `{install}` (as root, from the repository's root), or run the test command (scripts/test.sh) once: it installs everything the bench needs.";
    }
}

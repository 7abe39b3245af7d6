using System.Diagnostics;
using Npgsql;

namespace LiveHire.Testing;

/// <summary>
/// A real PostgreSQL cluster made with initdb in its own directory and served on a free 127.0.0.1 port.
/// It can be stopped and started again on the same data directory and port, to test outages.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private bool initialized;

    /// <summary>
    /// Directory with initdb and pg_ctl: <c>LIVEHIRE_PG_BIN</c> if set, else the newest /usr/lib/postgresql/N/bin
    /// (Debian keeps them off PATH), else empty, meaning PATH.
    /// </summary>
    public static string BinDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("LIVEHIRE_PG_BIN") is { Length: > 0 } configured)
            {
                return configured;
            }

            const string debianRoot = "/usr/lib/postgresql";
            if (!Directory.Exists(debianRoot))
            {
                return string.Empty;
            }

            return Directory.GetDirectories(debianRoot)
                .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), out var version) ? version : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Directory, "bin", "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Directory, "bin"))
                .FirstOrDefault() ?? string.Empty;
        }
    }

    public int Port { get; private set; }

    /// <summary>The directory this server owns: the cluster (<c>data/</c>), its log and its Unix socket.</summary>
    public string RootDirectory { get; private set; } = string.Empty;

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public bool IsRunning { get; private set; }

    /// <summary>Superuser connection to the <c>postgres</c> database, over TCP.</summary>
    public string ConnectionString =>
        initialized
            ? $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Include Error Detail=true"
            : throw new InvalidOperationException("PostgresServer has not been started.");

    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var server = new PostgresServer();
        await server.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// The first call creates the cluster on a free port; later calls (after <see cref="StopAsync"/>) start the
    /// same cluster on the same port again. Returns once the server accepts connections.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("PostgresServer is already running.");
        }

        if (!initialized)
        {
            await InitializeClusterAsync(cancellationToken);
            await StartOnFreshPortAsync(cancellationToken);
            initialized = true;
            return;
        }

        // A restart must keep the port, since clients hold connection strings with it; if it was taken meanwhile, say so.
        var result = await PgCtlStartAsync(cancellationToken);
        if (!result.Succeeded)
        {
            throw TestServerStartException.WithLog(
                $"PostgreSQL did not start again on 127.0.0.1:{Port}. {result.Describe()}", LogTail.OfFile(LogFile));
        }

        IsRunning = true;
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>), keeping its data directory and port.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRunning)
        {
            return;
        }

        var result = await RunAsync("pg_ctl", ["-D", DataDirectory, "stop", "-m", "immediate", "-w", "-t", "60"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"PostgreSQL did not stop. {result.Describe()}");
        }

        IsRunning = false;

        // Pooled connections point at the old server process; drop them so the next open dials afresh.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates an empty database on this server and returns a connection string for it.</summary>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        PostgresDatabases.CreateAsync(ConnectionString, name, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            var result = await RunAsync("pg_ctl", ["-D", DataDirectory, "stop", "-m", "immediate", "-w", "-t", "30"], CancellationToken.None);
            if (!result.Succeeded)
            {
                // pg_ctl could not do it (e.g. a damaged pid file); kill the postmaster so it does not outlive the tests.
                KillPostmaster();
            }

            IsRunning = false;
        }

        if (RootDirectory.Length > 0)
        {
            TestTempDirectory.Delete(RootDirectory);
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        RootDirectory = TestTempDirectory.Create("pg");
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                // initdb and postgres refuse to run as root, so they run as the postgres user, who must own the directory.
                var chown = await CommandRunner.RunAsync(
                    "chown", [$"{ServiceUser}:{ServiceUser}", RootDirectory], RootDirectory, CommandTimeout, cancellationToken);
                if (!chown.Succeeded)
                {
                    throw new TestServerStartException($"Could not hand {RootDirectory} to the {ServiceUser} user. {chown.Describe()}");
                }
            }

            var initdb = await RunAsync(
                "initdb",
                ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                cancellationToken);
            if (!initdb.Succeeded)
            {
                var hint = Environment.IsPrivilegedProcess
                    ? $" As root, every directory above {RootDirectory} must be searchable by the {ServiceUser} user (mode o+x)."
                    : string.Empty;
                throw new TestServerStartException($"initdb failed.{hint} {initdb.Describe()}");
            }
        }
        catch (Exception)
        {
            // Half-made cluster: remove it so a failed run leaves nothing behind.
            TestTempDirectory.Delete(RootDirectory);
            throw;
        }
    }

    private async Task StartOnFreshPortAsync(CancellationToken cancellationToken)
    {
        // The port is free when FreePort picks it but can be taken before postgres binds it; then try another.
        const int attempts = 3;
        CommandResult? last = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            Port = FreePort.Next();
            last = await PgCtlStartAsync(cancellationToken);
            if (last.Succeeded)
            {
                IsRunning = true;
                return;
            }
        }

        var log = LogTail.OfFile(LogFile);
        await DisposeAsync();
        throw TestServerStartException.WithLog($"PostgreSQL did not start after {attempts} attempts. {last!.Describe()}", log);
    }

    private async Task<CommandResult> PgCtlStartAsync(CancellationToken cancellationToken)
    {
        // The -o string goes through a shell inside pg_ctl, hence the quoted socket directory.
        // fsync=off: test data need not survive a power cut, and it makes DDL-heavy tests much faster.
        var serverOptions =
            $"-p {Port} -k '{RootDirectory}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        var result = await RunAsync(
            "pg_ctl",
            ["-D", DataDirectory, "-l", LogFile, "-o", serverOptions, "-w", "-t", "60", "start"],
            cancellationToken);
        if (result.Succeeded && !await PortProbe.IsListeningAsync(Port, cancellationToken))
        {
            return result with { ExitCode = -1, Output = $"{result.Output}{Environment.NewLine}(pg_ctl reported success but nothing listens on 127.0.0.1:{Port})" };
        }

        return result;
    }

    private Task<CommandResult> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var bin = BinDirectory;
        var toolPath = bin.Length > 0 ? Path.Combine(bin, tool) : tool;

        // Work inside our own directory: the postgres user cannot enter root's current directory, and tools warn if they cannot.
        var workingDirectory = RootDirectory;
        return Environment.IsPrivilegedProcess
            ? CommandRunner.RunAsync("runuser", ["-u", ServiceUser, "--", toolPath, .. arguments], workingDirectory, CommandTimeout, cancellationToken)
            : CommandRunner.RunAsync(toolPath, arguments, workingDirectory, CommandTimeout, cancellationToken);
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // No process with that id: it is already gone, which is what we wanted.
        }
    }
}

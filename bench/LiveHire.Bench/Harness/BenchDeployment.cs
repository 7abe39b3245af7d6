using LiveHire.Testing;

namespace LiveHire.Bench.Harness;

/// <summary>
/// LiveHire in Distributed mode on loopback: real Redis, PostgreSQL and Azurite (the LiveHire.Testing wrappers),
/// the <c>migrate</c> command, Web with <c>--demo</c> (demo data and sign-in) and two Realtime nodes on the Redis
/// backplane; and the bare hub baseline. Every server is pinned to the server core. Clients talk to the Realtime
/// nodes directly (no nginx in the path: the proxy is not what is measured). Workers is not started: the reminders
/// scenario runs Workers' dispatcher in a <see cref="BenchChild"/> of its own, driven back to back instead of once a minute.
/// </summary>
public sealed class BenchDeployment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts = [];

    public RedisServer Redis { get; private set; } = null!;
    public PostgresServer Postgres { get; private set; } = null!;
    public AzuriteServer Azurite { get; private set; } = null!;
    public HostProcess Web { get; private set; } = null!;
    public IReadOnlyList<HostProcess> Realtime { get; private set; } = [];
    public HostProcess BareHub { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    public static async Task<BenchDeployment> StartAsync(CancellationToken ct)
    {
        var deployment = new BenchDeployment();
        try
        {
            // On the server core from the first instruction: a .NET runtime sizes its GC heaps and thread pool from the cores it
            // sees at start, so a server started on every core and pinned later would not be the one-core server measured.
            await Pinning.StartOnServerCoreAsync(async () => { await deployment.StartServersAsync(ct); return true; });
            await deployment.PinAllAsync();
            return deployment;
        }
        catch (Exception)
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync(CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var redis = RedisServer.StartNewAsync(ct);
        var postgres = PostgresServer.StartNewAsync(ct);
        var azurite = AzuriteServer.StartNewAsync(ct);
        await Task.WhenAll(redis, postgres, azurite).ContinueWith(_ => { }, ct);
        foreach (var started in new Task<IAsyncDisposable>[] { Cast(redis), Cast(postgres), Cast(azurite) })
            if (started.IsCompletedSuccessfully) parts.Add(started.Result);
        (Redis, Postgres, Azurite) = (await redis, await postgres, await azurite);

        var settings = new Dictionary<string, string>
        {
            ["LiveHire__Mode"] = "Distributed",
            ["LiveHire__Postgres"] = await PostgresDatabases.CreateAsync(Postgres.ConnectionString, PostgresDatabases.UniqueName("bench"), ct),
            ["LiveHire__Redis"] = Redis.ConnectionString,
            ["LiveHire__BlobStorage"] = Azurite.ConnectionString,
            ["LiveHire__RedisPrefix"] = "bench",
            ["LiveHire__BlobContainer"] = "bench",
        };
        Settings = settings;
        Console.WriteLine($"  Redis, PostgreSQL and Azurite up after {clock.Elapsed.TotalSeconds:0.0} s");

        // Side by side: the Realtime nodes and the bare hub read nothing of the schema when they start (Realtime reads the database
        // only for a caller, and reads the data-protection key ring, which Web's first antiforgery token starts, only when its first
        // signed-in caller arrives, after the set-up has asked Web for a token: Askers.SeedAsync), so they start while the schema
        // is migrated; Web (which seeds the demo data) once it is.
        var realtime = Task.WhenAll(StartRealtimeNode(settings, ct), StartRealtimeNode(settings, ct));
        var bareHub = Track(StartBareHub(ct));
        var web = Task.Run(async () =>
        {
            // The migration is a one-off command, not a server: on the load cores it leaves the server core to the Realtime nodes and
            // the bare hub starting meanwhile (PostgreSQL, on the server core, does its part of the work).
            var (exitCode, output) = await HostProcess.RunAsync(WebAssembly, WebDirectory, settings, ["migrate"], ct, Pinning.MoveToLoadCoresAsync);
            if (exitCode != 0) throw new InvalidOperationException($"migrate exited with {exitCode}:\n{output}");
            Console.WriteLine($"  schema migrated after {clock.Elapsed.TotalSeconds:0.0} s");
            return await Track(HostProcess.StartAsync(WebAssembly, WebDirectory, settings, ["--demo"], "/health/ready", ct));
        }, ct);
        await Task.WhenAll(web, realtime, bareHub).ContinueWith(_ => { }, ct);
        (Web, Realtime, BareHub) = (await web, await realtime, await bareHub);
    }

    private static string WebAssembly => HostProcess.LiveHireAssembly("Web");
    private static string WebDirectory => Path.Combine(RepoPaths.Root, "src", "Web");

    private Task<HostProcess> StartRealtimeNode(IReadOnlyDictionary<string, string> settings, CancellationToken ct) =>
        Track(HostProcess.StartAsync(HostProcess.LiveHireAssembly("Realtime"), Path.Combine(RepoPaths.Root, "src", "Realtime"), settings, [], "/health/ready", ct));

    private static Task<HostProcess> StartBareHub(CancellationToken ct)
    {
        var assembly = HostProcess.Output(Path.Combine("bench", "LiveHire.Bench.BareHub"), "LiveHire.Bench.BareHub");
        return HostProcess.StartAsync(assembly, Path.GetDirectoryName(assembly)!, new Dictionary<string, string>(), [], "/health/live", ct);
    }

    private static async Task<IAsyncDisposable> Cast<T>(Task<T> task) where T : IAsyncDisposable => await task;

    private async Task<T> Track<T>(Task<T> starting) where T : IAsyncDisposable
    {
        var started = await starting;
        lock (parts) parts.Add(started);
        return started;
    }

    public int RealtimePid(int node) => Realtime[node].Pid;
    public int WebPid => Web.Pid;

    /// <summary>The redis-server process(es) of this deployment (recognised by the address on their command line).</summary>
    public IReadOnlyList<int> RedisPids() => ServerProcess.WithCommandLine($"127.0.0.1:{Redis.Port}");

    public double RedisCpuSeconds() => RedisPids().Sum(ProcFs.CpuSeconds);

    /// <summary>Redis, the PostgreSQL postmaster (its backends are its children) and Web: the servers behind the Realtime nodes.</summary>
    public IReadOnlyList<int> BackingPids() =>
        [.. RedisPids(), .. ServerProcess.WithCommandLine(Postgres.DataDirectory).SelectMany(ProcFs.Tree), WebPid];

    /// <summary>
    /// CPU seconds so far of Redis, PostgreSQL (<see cref="PostgresCpuSeconds"/>: backends that exited included) and Web. Summing
    /// <see cref="BackingPids"/> instead lost a backend's CPU when it exited inside a window, and once made the window negative.
    /// </summary>
    public double BackingCpuSeconds() =>
        RedisCpuSeconds() + PostgresCpuSeconds() + ProcFs.CpuSeconds(WebPid);

    /// <summary>
    /// CPU seconds of PostgreSQL so far: the postmaster and its live backends, plus the backends that have exited (the
    /// postmaster's cutime+cstime), so a connection closed inside a window neither hides its work nor makes the window negative.
    /// </summary>
    public double PostgresCpuSeconds()
    {
        var postmasters = ServerProcess.WithCommandLine(Postgres.DataDirectory);
        return postmasters.SelectMany(ProcFs.Tree).Distinct().Sum(ProcFs.CpuSeconds) + postmasters.Sum(ProcFs.ChildCpuSeconds);
    }

    /// <summary>Restarts a Realtime node (kill and start on the same port): a fresh process for the next scenario.</summary>
    public async Task RestartRealtimeAsync(int node, CancellationToken ct)
    {
        await Pinning.StartOnServerCoreAsync(async () => { await Realtime[node].RestartAsync("/health/ready", ct); return true; });
        await PinAllAsync();
    }

    public async Task RestartBareHubAsync(CancellationToken ct)
    {
        await BareHub.DisposeAsync();
        lock (parts) parts.Remove(BareHub);
        BareHub = await Track(Pinning.StartOnServerCoreAsync(() => StartBareHub(ct)));
        // Only the new process: the others keep theirs (the load generator's warm-up restarts the bare hub while Web and
        // PostgreSQL are spread over every core for the seeding, and pinning them back then slowed the set-up).
        await Pinning.PinServersAsync([BareHub.Pid]);
    }

    public Task PinAllAsync() =>
        Pinning.PinServersAsync([.. BackingPids(), .. ServerProcess.WithCommandLine(Azurite.DataDirectory), .. Realtime.Select((_, i) => RealtimePid(i)), BareHub.Pid]);

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> stopping;
        lock (parts) stopping = [.. parts];
        stopping.Reverse();
        foreach (var part in stopping)
        {
            try { await part.DisposeAsync(); }
            catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
            {
                Console.Error.WriteLine($"Could not stop {part.GetType().Name} cleanly: {e.Message}");
            }
        }
    }
}

using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

public enum Mode { Embedded, Distributed }

/// <summary>
/// A whole running LiveHire with demo data. Embedded: one Web process on SQLite. Distributed: the `migrate`
/// command, then separate Web and Realtime processes on PostgreSQL, Redis and Azurite, behind nginx.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts = [];
    private readonly List<LiveHireApp> apps = [];
    private string? dataDirectory;
    private IReadOnlyDictionary<string, string> extraSettings = new Dictionary<string, string>();

    public Uri BaseUrl { get; private set; } = null!;
    public Mode Mode { get; private init; }
    /// <summary>Distributed mode: the Realtime nodes behind nginx, for tests that talk to one node directly.</summary>
    public IReadOnlyList<LiveHireApp> RealtimeNodes { get; private set; } = [];
    /// <summary>Distributed mode: the settings every process got (connection strings, prefixes).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();
    /// <summary>Distributed mode: nginx's RTMP listener (OBS ingest) and its callback token.</summary>
    public NginxRtmp? Rtmp { get; private set; }

    /// <summary>Embedded mode: the data directory (SQLite file, job store, blobs), for tests that arrange or inspect files.</summary>
    public string? DataDirectory => dataDirectory;

    /// <summary>Every process's output, for failure messages.</summary>
    public string Logs => string.Join("\n\n", apps.Select(a => $"===== {a.Host} =====\n{a.Log}"))
        + (nginx is null ? "" : $"\n\n===== nginx =====\n{nginx.Log}");
    private NginxServer? nginx;

    /// <summary>The log entries (JSON lines) at Error level that mention <paramref name="text"/>: a fault, where bad input should have left none.</summary>
    public IReadOnlyList<string> ErrorsMentioning(string text) =>
        Logs.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal) && l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)).ToList();

    /// <summary>Distributed mode: the Workers process, for tests that crash and restart it.</summary>
    public LiveHireApp? Workers { get; private set; }
    /// <summary>Embedded mode's one process (Web with the hubs and the job server).</summary>
    public LiveHireApp? Embedded { get; private set; }

    /// <param name="extraSettings">More settings for every process (environment variable names, e.g. <c>LiveHire__Video__...</c>).</param>
    public static async Task<Deployment> StartAsync(Mode mode, TestServers? servers, CancellationToken ct = default, int realtimeNodes = 1,
        IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var deployment = new Deployment { Mode = mode, extraSettings = extraSettings ?? new Dictionary<string, string>() };
        try
        {
            if (mode == Mode.Embedded) await deployment.StartEmbeddedAsync(ct);
            else await deployment.StartDistributedAsync(servers ?? throw new ArgumentNullException(nameof(servers)), realtimeNodes, ct);
            return deployment;
        }
        catch (Exception)
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    private async Task StartEmbeddedAsync(CancellationToken ct)
    {
        dataDirectory = TestTempDirectory.Create("embedded");
        var settings = new Dictionary<string, string>(extraSettings) { ["LiveHire__Mode"] = "Embedded", ["LiveHire__DataDirectory"] = dataDirectory };
        var web = await StartAppAsync(LiveHireHost.Web, settings, ct);
        await web.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60), ct);
        Embedded = web;
        BaseUrl = web.BaseUrl;
    }

    private async Task StartDistributedAsync(TestServers servers, int realtimeNodes, CancellationToken ct)
    {
        var rtmp = NginxRtmp.Create();
        Rtmp = rtmp;
        var settings = new Dictionary<string, string>(extraSettings)
        {
            ["LiveHire__Mode"] = "Distributed",
            ["LiveHire__Postgres"] = await servers.CreatePostgresDatabaseAsync(ct),
            ["LiveHire__Redis"] = servers.RedisConnectionString,
            ["LiveHire__BlobStorage"] = servers.BlobConnectionString,
            ["LiveHire__RedisPrefix"] = $"e2e{Guid.NewGuid():N}"[..20],
            ["LiveHire__BlobContainer"] = $"e2e-{Guid.NewGuid():N}"[..20],
            ["LiveHire__Rtmp__PublicUrl"] = rtmp.PublishUrl,
            ["LiveHire__Rtmp__PullUrl"] = rtmp.PublishUrl,
            ["LiveHire__Rtmp__CallbackToken"] = rtmp.CallbackToken,
        };
        var (exitCode, output) = await LiveHireApp.RunCommandAsync(LiveHireHost.Web, settings, ["migrate"], TimeSpan.FromMinutes(2), ct);
        if (exitCode != 0) throw new InvalidOperationException($"migrate exited with {exitCode}:\n{output}");

        Settings = settings;
        var webTask = StartAppAsync(LiveHireHost.Web, settings, ct);
        var workersTask = StartAppAsync(LiveHireHost.Workers, settings, ct);
        var realtimeTasks = Enumerable.Range(0, realtimeNodes).Select(_ => StartAppAsync(LiveHireHost.Realtime, settings, ct)).ToList();
        var web = await webTask;
        var workers = await workersTask;
        Workers = workers;
        var realtime = await Task.WhenAll(realtimeTasks);
        RealtimeNodes = realtime;
        await Task.WhenAll([web.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60), ct), workers.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60), ct),
            .. realtime.Select(r => r.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60), ct))]);
        nginx = await NginxServer.StartAsync([web.BaseUrl], realtime.Select(r => r.BaseUrl), ct, rtmp);
        parts.Add(nginx);
        BaseUrl = nginx.BaseUrl;
    }

    private async Task<LiveHireApp> StartAppAsync(LiveHireHost host, Dictionary<string, string> settings, CancellationToken ct)
    {
        var app = await LiveHireApp.StartAsync(host, settings, host == LiveHireHost.Web ? ["--demo"] : [], cancellationToken: ct);
        lock (apps) apps.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in parts) await part.DisposeAsync();
        foreach (var app in apps) await app.DisposeAsync();
        if (dataDirectory is not null) TestTempDirectory.Delete(dataDirectory);
    }
}

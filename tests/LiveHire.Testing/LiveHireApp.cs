using System.Diagnostics;
using System.Net.Http;

namespace LiveHire.Testing;

/// <summary>Which LiveHire host to start.</summary>
public enum LiveHireHost { Web, Realtime, Workers }

/// <summary>
/// One real LiveHire process (Web, Realtime or Workers), started from the build output of the same configuration as
/// the tests, on a free loopback port, with settings passed as environment variables (LiveHire__Mode, ...).
/// Its content root is the project folder, so wwwroot and appsettings.json are the real ones.
/// </summary>
public sealed class LiveHireApp : IAsyncDisposable
{
    private ChildProcess process;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly string[] arguments;

    private LiveHireApp(LiveHireHost host, ChildProcess process, int port, IReadOnlyDictionary<string, string> settings, string[] arguments)
    {
        Host = host;
        this.process = process;
        Port = port;
        this.settings = settings;
        this.arguments = arguments;
    }

    public LiveHireHost Host { get; }
    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
    public string Log => process.Log.ToString();
    public bool HasExited => process.HasExited;

    /// <summary>The build configuration the tests run under (Debug or Release), read off the test assembly's path.</summary>
    public static string Configuration { get; } = ConfigurationOf(AppContext.BaseDirectory);

    /// <summary>The folder under bin/ in a test's output path (…/bin/Release/net10.0/ → Release).</summary>
    public static string ConfigurationOf(string baseDirectory)
    {
        for (var dir = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory)); dir?.Parent is { } parent; dir = parent)
            if (parent.Name == "bin") return dir.Name;
        throw new InvalidOperationException($"Cannot tell the build configuration from {baseDirectory}: it is not under a bin folder.");
    }

    public static string ProjectDirectory(LiveHireHost host) => Path.Combine(RepoPaths.Root, "src", host.ToString());

    public static string AssemblyPath(LiveHireHost host) =>
        Path.Combine(ProjectDirectory(host), "bin", Configuration, "net10.0", $"LiveHire.{host}.dll");

    /// <summary>Starts the host and waits until /health/live answers (the process serves) — not readiness.</summary>
    public static async Task<LiveHireApp> StartAsync(LiveHireHost host, IReadOnlyDictionary<string, string> settings,
        IEnumerable<string>? arguments = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var port = FreePort.Next();
        string[] args = [.. arguments ?? []];
        var app = new LiveHireApp(host, Launch(host, settings, args, port), port, settings, args);
        try
        {
            await app.WaitForAsync("/health/live", timeout ?? TimeSpan.FromSeconds(60), cancellationToken);
            return app;
        }
        catch (Exception)
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process (as a crash would) and starts it again on the same port; waits until it answers.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await KillAsync();
        await StartAgainAsync(timeout, cancellationToken);
    }

    /// <summary>Kills the process as a crash would; <see cref="StartAgainAsync"/> brings it back on the same port and data.</summary>
    public ValueTask KillAsync() => process.DisposeAsync();

    public async Task StartAgainAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        process = Launch(Host, settings, arguments, Port);
        await WaitForAsync("/health/live", timeout ?? TimeSpan.FromSeconds(60), cancellationToken);
    }

    private static ChildProcess Launch(LiveHireHost host, IReadOnlyDictionary<string, string> settings, string[] arguments, int port) =>
        ChildProcess.Start($"LiveHire.{host}", "dotnet", [AssemblyPath(host), .. arguments], ProjectDirectory(host), Environment(settings, port));

    /// <summary>Runs a host to completion as a command (e.g. <c>migrate</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(LiveHireHost host, IReadOnlyDictionary<string, string> settings,
        IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var child = ChildProcess.Start($"LiveHire.{host}", "dotnet", [AssemblyPath(host), .. arguments], ProjectDirectory(host),
            Environment(settings, FreePort.Next()));
        await using (child)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var exitCode = await child.WaitForExitAsync(deadline.Token);
            return (exitCode, child.Log.ToString());
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; fails with the process's log if it exits or times out.</summary>
    public async Task WaitForAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (process.HasExited)
                throw TestServerStartException.WithLog($"LiveHire.{Host} exited before {path} answered.", Log);
            try
            {
                using var response = await http.GetAsync(path, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A single slow answer during start-up; poll again.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw TestServerStartException.WithLog($"LiveHire.{Host} did not answer {path} within {timeout.TotalSeconds:0} s.", Log);
    }

    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> settings, int port)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in settings) env[key] = value;
        return env;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}

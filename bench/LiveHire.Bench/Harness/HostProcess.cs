using System.Diagnostics;
using LiveHire.Testing;

namespace LiveHire.Bench.Harness;

/// <summary>
/// A server process started from a Release build output (LiveHire's Web and Realtime hosts, and the bare hub) on a
/// loopback port, with settings as environment variables. The bench starts hosts itself rather than through
/// LiveHireApp because it must run the Release build (what is measured) and needs each process's pid for /proc.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string assembly;
    private readonly string workingDirectory;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly string[] arguments;
    private Process process;

    private HostProcess(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> settings, string[] arguments, int port)
    {
        (this.assembly, this.workingDirectory, this.settings, this.arguments, Port) = (assembly, workingDirectory, settings, arguments, port);
        process = Launch(port);
    }

    public int Port { get; }
    public int Pid => process.Id;
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public static string Output(string project, string name) => Path.Combine(RepoPaths.Root, project, "bin", "Release", "net10.0", $"{name}.dll");

    public static string LiveHireAssembly(string host) => Output(Path.Combine("src", host), $"LiveHire.{host}");

    public static async Task<HostProcess> StartAsync(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> settings,
        string[] arguments, string readyPath, CancellationToken ct)
    {
        if (!File.Exists(assembly)) throw new InvalidOperationException($"{assembly} is missing: build with -c Release (dotnet run -c Release does).");
        var host = new HostProcess(assembly, workingDirectory, settings, arguments, FreePort.Next());
        try
        {
            await host.WaitForAsync(readyPath, ct);
            return host;
        }
        catch (Exception)
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs the host as a command (e.g. <c>migrate</c>) and returns its exit code and output; <paramref name="started"/> gets its
    /// process id as soon as it runs (to move it to other cores).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> settings,
        string[] arguments, CancellationToken ct, Func<int, Task>? started = null)
    {
        using var process = Process.Start(Info(assembly, workingDirectory, settings, arguments, FreePort.Next()))!;
        process.StandardInput.Close();
        if (started is not null) await started(process.Id);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Kills the process (as a crash would) and starts a fresh one on the same port.</summary>
    public async Task RestartAsync(string readyPath, CancellationToken ct)
    {
        await StopAsync();
        process = Launch(Port);
        await WaitForAsync(readyPath, ct);
    }

    private Process Launch(int port)
    {
        var started = Process.Start(Info(assembly, workingDirectory, settings, arguments, port))!;
        started.StandardInput.Close();
        // Drain output so the server never blocks on a full pipe; only errors are shown.
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(assembly)}] {e.Data}"); };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private static ProcessStartInfo Info(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> settings, string[] arguments, int port)
    {
        var info = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        return info;
    }

    private async Task WaitForAsync(string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"{assembly} exited with {process.ExitCode} before {path} answered.");
            try
            {
                using var response = await http.GetAsync(path, ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new InvalidOperationException($"{assembly} did not answer {path} within 90 s.");
    }

    private async Task StopAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

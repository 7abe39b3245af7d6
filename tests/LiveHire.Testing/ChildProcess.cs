using System.ComponentModel;
using System.Diagnostics;

namespace LiveHire.Testing;

/// <summary>
/// A long-running server process owned by a test: started in the foreground (never daemonized) so that
/// killing it and its children is enough to stop it, with its output kept for error messages.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;

    private ChildProcess(string name, Process process, LogTail log)
    {
        Name = name;
        this.process = process;
        Log = log;
    }

    public string Name { get; }

    public LogTail Log { get; }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Nothing reads the server's stdin; a closed one keeps it from waiting on the test host's terminal.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var log = new LogTail();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new TestServerStartException($"Could not start {name} ({fileName}): {exception.Message}", exception);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process, log);
    }

    /// <summary>
    /// Starts a server on a fresh free port and waits until it accepts connections there. If the process
    /// dies during startup (another process took the port between <see cref="FreePort.Next"/> and the bind)
    /// it tries again on a new port, a few times, then fails with the server's own output.
    /// </summary>
    public static async Task<(ChildProcess Process, int Port)> StartListeningAsync(
        string name,
        string fileName,
        Func<int, IEnumerable<string>> argumentsForPort,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        const int attempts = 3;
        var lastLog = string.Empty;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var port = FreePort.Next();
            var child = Start(name, fileName, argumentsForPort(port), workingDirectory);
            bool listening;
            try
            {
                listening = await child.WaitUntilListeningAsync(port, timeout, cancellationToken);
            }
            catch (Exception)
            {
                // Timed out or cancelled: do not leave a half-started server behind, then report as is.
                await child.DisposeAsync();
                throw;
            }

            if (listening)
            {
                return (child, port);
            }

            lastLog = child.Log.ToString();
            await child.DisposeAsync();
        }

        throw TestServerStartException.WithLog($"{name} exited during startup {attempts} times.", lastLog);
    }

    /// <summary>
    /// Waits until the server accepts TCP connections on <paramref name="port"/>.
    /// Returns false if the process exited first or another process holds the port (typically: it was taken), throws on timeout.
    /// </summary>
    public async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                return false;
            }

            if (await PortProbe.IsListeningAsync(port, cancellationToken))
            {
                // The probe could have reached a stranger that grabbed the port (another test process's server, started
                // faster than this one): only a socket our live process holds counts. A stranger means ours cannot bind
                // there, so report the port as lost and let the caller start again on another.
                return !process.HasExited && ListeningSockets.HeldBy(process.Id, port);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw TestServerStartException.WithLog(
            $"{Name} did not accept connections on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.", Log.ToString());
    }

    /// <summary>Waits for a command-like process to finish and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // Node-based servers (Azurite) may fork helpers; killing the tree leaves none behind.
            process.Kill(entireProcessTree: true);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(deadline.Token);
        process.Dispose();
    }
}

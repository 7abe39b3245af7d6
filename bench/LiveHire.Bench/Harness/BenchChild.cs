using System.Diagnostics;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The bench itself started again as a child process in a role (<see cref="ChildRoles"/>) on the server core: the reminder
/// dispatcher composed as Workers composes it, or the Hangfire baseline. A separate process, so its CPU is its own and it
/// runs where the other servers run, not on the load generator's core. Lines on stdin/stdout pace it: it prints
/// "ready", waits for "go", and stops on "stop" (or when stdin closes).
/// </summary>
public sealed class BenchChild : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Threading.Channels.Channel<string> lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

    private BenchChild(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) lines.Writer.TryComplete();
            else lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[{Role}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => process.Id;
    private string Role => process.StartInfo.ArgumentList.Count > 2 ? process.StartInfo.ArgumentList[2] : "child";

    public static async Task<BenchChild> StartAsync(string role, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(BenchChild).Assembly.Location, "--child", role])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(typeof(BenchChild).Assembly.Location)!,
        };
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Workers is an ASP.NET Core host, which runs Server GC; the bench's own Workstation GC setting must not carry over.
        info.Environment["DOTNET_gcServer"] = "1";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        var child = await Pinning.StartOnServerCoreAsync(() => Task.FromResult(new BenchChild(Process.Start(info)!)));
        await Pinning.PinServersAsync([child.Pid]);
        try
        {
            await child.ReadAsync("ready", TimeSpan.FromMinutes(3), ct);
            return child;
        }
        catch (Exception)
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>The rest of the first output line that starts with <paramref name="prefix"/>; other lines are shown.</summary>
    public async Task<string> ReadAsync(string prefix, TimeSpan timeout, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var line = await lines.Reader.ReadAsync(bounded.Token);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..].Trim();
                Console.WriteLine($"    [{Role}] {line}");
            }
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            throw new InvalidOperationException($"The {Role} child exited before it wrote \"{prefix}\".");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The {Role} child did not write \"{prefix}\" within {timeout.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { process.StandardInput.Close(); } catch (IOException) { }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
        process.Dispose();
    }
}

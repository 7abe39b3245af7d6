using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The vote storm's baseline: the Redis commands LiveHire's vote path really issues, captured with <c>MONITOR</c>
/// while one vote goes through, then replayed by <c>redis-benchmark</c> (Debian's redis-tools), unpipelined, against
/// the same Redis. The voter's id in the keys becomes <c>__rand_int__</c>, so every replayed call is a different
/// person, as in the storm.
/// </summary>
public static partial class RedisBaseline
{
    /// <summary>One captured command, as redis-benchmark arguments.</summary>
    public sealed record Command(IReadOnlyList<string> Arguments)
    {
        public string Name => Arguments[0].ToUpperInvariant();
        public override string ToString() => string.Join(' ', Arguments.Select(a => a.Length > 24 ? a[..12] + "…" : a));
    }

    /// <summary>A capture of what clients send to Redis while <paramref name="during"/> runs.</summary>
    public static async Task<IReadOnlyList<Command>> CaptureAsync(int port, Func<Task> during, CancellationToken ct)
    {
        using var monitor = Process.Start(new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "monitor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var lines = new List<string>();
        var reading = Task.Run(async () =>
        {
            while (await monitor.StandardOutput.ReadLineAsync(ct) is { } line) lock (lines) lines.Add(line);
        }, ct);
        // MONITOR answers OK first; only then is everything after it seen.
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(10)) { lock (lines) if (lines.Count > 0) break; await Task.Delay(20, ct); }
        await during();
        await Task.Delay(500, ct);
        monitor.Kill();
        await monitor.WaitForExitAsync(ct);
        await reading.ContinueWith(_ => { }, ct);
        lock (lines) return [.. lines.Select(Parse).OfType<Command>()];
    }

    // 1732540000.123456 [0 127.0.0.1:40000] "EVALSHA" "…" … ; commands run by scripts show as [0 lua] and are skipped.
    private static Command? Parse(string line)
    {
        var client = line.IndexOf("] ", StringComparison.Ordinal);
        if (client < 0 || line.Contains("[0 lua]", StringComparison.Ordinal)) return null;
        return new Command([.. Quoted().Matches(line[(client + 2)..]).Select(m => Unescape(m.Groups[1].Value))]);
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Quoted();

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i]); continue; }
            var c = s[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'x' when i + 2 < s.Length: sb.Append((char)Convert.ToByte(s.Substring(i + 1, 2), 16)); i += 2; break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The command as redis-benchmark should send it: EVAL becomes EVALSHA of the same script, loaded first (what
    /// LiveHire's client sends once the script is cached), and <paramref name="person"/> in any argument becomes
    /// <c>__rand_int__</c>.
    /// </summary>
    public static async Task<Command> ForReplayAsync(int port, Command command, Guid person, CancellationToken ct)
    {
        var args = command.Arguments.ToList();
        if (command.Name == "EVAL")
        {
            await RedisCliAsync(port, ["SCRIPT", "LOAD", args[1]], ct);
            args = ["EVALSHA", Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(args[1]))), .. args.Skip(2)];
        }
        var replay = new Command([.. args.Select(a => a.Replace(person.ToString("N"), "__rand_int__", StringComparison.Ordinal)
            .Replace(person.ToString("D"), "__rand_int__", StringComparison.Ordinal))]);
        // One call by hand first: a command Redis refuses (NOSCRIPT, a wrong argument) must not be timed as if it worked.
        var reply = await RedisCliAsync(port, [.. replay.Arguments.Select(a => a.Replace("__rand_int__", "000000000000", StringComparison.Ordinal))], ct);
        if (reply.StartsWith("ERR", StringComparison.Ordinal) || reply.StartsWith("NOSCRIPT", StringComparison.Ordinal) || reply.StartsWith("(error)", StringComparison.Ordinal))
            throw new InvalidOperationException($"Redis refuses the replayed {replay}: {reply}");
        return replay;
    }

    private static async Task<string> RedisCliAsync(int port, string[] arguments, CancellationToken ct)
    {
        using var cli = Process.Start(new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = await cli.StandardOutput.ReadToEndAsync(ct);
        await cli.WaitForExitAsync(ct);
        return output.Trim();
    }

    /// <summary>Runs redis-benchmark for one command: <paramref name="requests"/> calls from <paramref name="clients"/> connections, unpipelined. Returns calls/s.</summary>
    public static async Task<double> RunAsync(int port, Command command, int clients, int requests, CancellationToken ct)
    {
        using var benchmark = Process.Start(new ProcessStartInfo("redis-benchmark",
            ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
             "-n", requests.ToString(CultureInfo.InvariantCulture), "-P", "1", "-r", "1000000000", "--csv", .. command.Arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = benchmark.StandardOutput.ReadToEndAsync(ct);
        var errors = benchmark.StandardError.ReadToEndAsync(ct);
        await benchmark.WaitForExitAsync(ct);
        // --csv: a header line, then "<command>","<requests per second>",…
        var row = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cells = row.Split(',');
        if (benchmark.ExitCode != 0 || cells.Length < 2 || !double.TryParse(cells[1].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var rps))
            throw new InvalidOperationException($"redis-benchmark failed ({benchmark.ExitCode}): {await output} {await errors}");
        return rps;
    }
}

using System.Globalization;

namespace LiveHire.Bench.Harness;

/// <summary>Reads what the benchmark reports from /proc: CPU time and resident memory of processes, the machine's cores and memory.</summary>
public static class ProcFs
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/[pid]/stat. 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100.0;

    /// <summary>utime + stime of the process (all its threads), in seconds; 0 if it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; fields after it are space separated.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>
    /// cutime + cstime of the process, in seconds: the CPU of its children that have exited and been waited for (a
    /// short-lived tool such as redis-benchmark, whose own /proc entry is gone by the time it is read).
    /// </summary>
    public static double ChildCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>VmRSS of the process, in bytes.</summary>
    public static long RssBytes(int pid) => StatusKiB($"/proc/{pid}/status", "VmRSS:") * 1024;

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static long MemTotalBytes() => StatusKiB("/proc/meminfo", "MemTotal:") * 1024;

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    /// <summary>Busy and total jiffies of each core (cpu0, cpu1, …) from /proc/stat, to show how busy each core was.</summary>
    public static (long Busy, long Total)[] CoreTimes() =>
        [.. File.ReadLines("/proc/stat")
            .Where(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]))
            .Select(l =>
            {
                var v = l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                var idle = v[3] + v[4];
                var total = v.Take(8).Sum();
                return (total - idle, total);
            })];

    public static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture));

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    public static string Environment(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/environ").Replace('\0', '\n'); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    /// <summary>The process and all its descendants.</summary>
    public static List<int> Tree(int root) => LiveHire.Testing.ProcessTree.Of(root);

    private static long StatusKiB(string path, string key)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }
}

using System.Runtime.InteropServices;

namespace LiveHire.Bench.Harness;

/// <summary>
/// Raises RLIMIT_NOFILE of this process before it starts any server, so that the servers (which inherit it) and the
/// load generator can each hold 20,000+ sockets. Needs root (or a hard limit already that high); otherwise the
/// soft limit goes as high as the hard limit allows and the report says what it got.
/// </summary>
public static partial class FileLimit
{
    private const int RlimitNofile = 7;

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit { public ulong Current; public ulong Max; }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in RLimit limit);

    /// <summary>The soft limit this process (and every server it starts) got.</summary>
    public static ulong Current { get; private set; }

    public static ulong Raise(ulong wanted) => Current = RaiseTo(wanted);

    private static ulong RaiseTo(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || getrlimit(RlimitNofile, out var limit) != 0) return 0;
        if (setrlimit(RlimitNofile, new RLimit { Current = wanted, Max = Math.Max(wanted, limit.Max) }) == 0) return wanted;
        setrlimit(RlimitNofile, new RLimit { Current = limit.Max, Max = limit.Max });
        return limit.Max;
    }
}

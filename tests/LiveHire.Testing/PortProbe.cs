using System.Net;
using System.Net.Sockets;

namespace LiveHire.Testing;

/// <summary>Tells whether something accepts TCP connections on a loopback port.</summary>
internal static class PortProbe
{
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            // Refused or reset: nothing is listening yet.
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own one-second attempt timed out; the caller's token is still live, so just report "not yet".
            return false;
        }
    }
}

/// <summary>
/// Whose listening socket a port is (Linux /proc). A free port handed out for a slow starter (Azurite's node takes seconds)
/// can be taken meanwhile by another test process's server: the port then answers, but not as ours, and ours fails to bind.
/// </summary>
internal static class ListeningSockets
{
    /// <summary>
    /// True when <paramref name="pid"/> or one of its descendants holds a socket listening on <paramref name="port"/>; also
    /// true where /proc cannot tell (not Linux), so callers fall back to the plain probe there.
    /// </summary>
    public static bool HeldBy(int pid, int port)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0) return false;
        return ProcessTree.Of(pid).Any(owner => HoldsAny(owner, inodes));
    }

    /// <summary>
    /// Every process holding a socket that listens on <paramref name="port"/>, as "pid (name)", for a failure message that says
    /// who took a port; empty where nothing listens there or /proc cannot tell.
    /// </summary>
    public static IReadOnlyList<string> Holders(int port)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var inodes = ListeningInodes(port);
        var holders = new List<string>();
        if (inodes.Count == 0) return holders;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || !HoldsAny(pid, inodes)) continue;
            string name;
            try { name = File.ReadAllText(Path.Combine(dir, "comm")).Trim(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { name = "?"; }
            holders.Add($"{pid} ({name})");
        }
        return holders;
    }

    /// <summary>True when one of <paramref name="pid"/>'s open files is a socket with one of <paramref name="inodes"/>.</summary>
    private static bool HoldsAny(int pid, HashSet<string> inodes)
    {
        string[] fds;
        try { fds = Directory.GetFileSystemEntries($"/proc/{pid}/fd"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        foreach (var fd in fds)
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1])) return true;
        }
        return false;
    }

    /// <summary>Inodes of the sockets in LISTEN state (st 0A) on <paramref name="port"/>, over IPv4 and IPv6.</summary>
    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal)) inodes.Add(fields[9]);
            }
        }
        return inodes;
    }
}

/// <summary>A process and its descendants, from /proc (Linux); also the bench's view of a server's processes.</summary>
public static class ProcessTree
{
    /// <summary><paramref name="root"/> and its descendants (a server may listen or work from a child, e.g. under runuser).</summary>
    public static List<int> Of(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid …": comm may hold spaces or parentheses, so read after the last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (rest.Length > 1 && int.TryParse(rest[1], out var parent))
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
            if (children.TryGetValue(tree[i], out var list)) tree.AddRange(list);
        return tree;
    }
}

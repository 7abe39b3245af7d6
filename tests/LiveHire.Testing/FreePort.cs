using System.Net;
using System.Net.Sockets;

namespace LiveHire.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range, and above the usual services' ports.
    private const int Floor = 15_000;

    /// <summary>
    /// A port on 127.0.0.1 that nothing is bound to now, from below the kernel's ephemeral range (ip_local_port_range), and
    /// that no caller of this method in any process of the run has been given in the last <see cref="Lease"/>.
    /// The kernel gives ports from that range to every outgoing connection: a port picked there and bound seconds later
    /// (nginx's RTMP port is chosen before Web and Realtime start) can meanwhile be a client socket's own port, and the
    /// server then cannot bind it (2026-12-06: nginx gave up after its bind retries and every RTMP test failed). A port
    /// picked here stays unbound until its server starts, so without the lease the next pick may be the same one: in this
    /// process (nginx's HTTP port drawn equal to the RTMP port picked for it), or in another test process started by the
    /// same run (on 2026-12-07 nginx found its RTMP port held when it started, ten seconds after the pick). The lease is a
    /// file per port under <see cref="TestTempDirectory.Parent"/> created with CreateNew, which only one process can do.
    /// </summary>
    public static int Next()
    {
        var ceiling = EphemeralLow() - 1;
        if (ceiling - Floor >= 1_000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(Floor, ceiling + 1);
                if (TryBind(port) && TryLease(port)) return port;
            }
        }
        // No room below the ephemeral range (or all taken): let the kernel choose, as before.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>How long a port handed out stays reserved for its caller: a server binds it within seconds or has failed.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>One per user: where LIVEHIRE_TEST_TMP is unset, the system temp directory is shared, and another user's is not writable.</summary>
    internal static string LeaseDirectory => Path.Combine(TestTempDirectory.Parent, $"livehire-port-leases-{Environment.UserName}");

    /// <summary>The lease of <paramref name="port"/> for this caller, unless another caller holds a live one.</summary>
    internal static bool TryLease(int port)
    {
        var directory = LeaseDirectory;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // Nowhere to keep leases: the port is as free as the bind just showed, as before leases.
        }
        var file = Path.Combine(directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (TryCreate(file)) return true;
        // Held: a lease older than the run's longest start is a finished server's (LIVEHIRE_TEST_TMP unset: the system temp
        // directory keeps earlier runs' leases), and the port is free again, as TryBind has just shown.
        try
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < Lease) return false;
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return TryCreate(file);
    }

    private static bool TryCreate(string file)
    {
        try
        {
            using var created = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            return false;
        }
    }

    private static bool TryBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux's default 32768 where it cannot be read).</summary>
    private static int EphemeralLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}

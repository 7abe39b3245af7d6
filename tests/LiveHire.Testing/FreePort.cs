using System.Net;
using System.Net.Sockets;

namespace LiveHire.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range, and above the usual services' ports.
    private const int Floor = 15_000;

    /// <summary>
    /// A port on 127.0.0.1 that nothing is bound to now, from below the kernel's ephemeral range (ip_local_port_range).
    /// The kernel gives ports from that range to every outgoing connection: a port picked there and bound seconds later
    /// (nginx's RTMP port is chosen before Web and Realtime start) can meanwhile be a client socket's own port, and the
    /// server then cannot bind it (2026-12-06: nginx gave up after its bind retries and every RTMP test failed). Another
    /// test process could still take a port before the caller binds it; the server classes retry on a new port when their
    /// process dies during startup for that reason.
    /// </summary>
    public static int Next()
    {
        var ceiling = EphemeralLow() - 1;
        if (ceiling - Floor >= 1_000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(Floor, ceiling + 1);
                if (TryBind(port)) return port;
            }
        }
        // No room below the ephemeral range (or all taken): let the kernel choose, as before.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

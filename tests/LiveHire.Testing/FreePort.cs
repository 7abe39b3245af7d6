using System.Net;
using System.Net.Sockets;

namespace LiveHire.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an unused port on 127.0.0.1 and releases it at once.
    /// Another process could take it before the caller binds it; the server classes retry on a new port
    /// when their process dies during startup for that reason.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

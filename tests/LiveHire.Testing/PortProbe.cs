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

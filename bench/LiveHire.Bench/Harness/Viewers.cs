using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Harness;

/// <summary>
/// Many anonymous viewers: real SignalR clients (WebSockets, JSON) that connect to a hub, join a session and count
/// what they receive. Negotiation is skipped (WebSockets straight away) so each viewer holds one socket; sockets are
/// spread over source addresses 127.0.0.2-127.0.0.250 so that 20,000+ connections to one port never run out of
/// ephemeral ports.
/// </summary>
public sealed class Viewers : IAsyncDisposable
{
    private const int ConnectConcurrency = 64;
    private static int nextSource;
    private static readonly HttpMessageInvoker socketInvoker = new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var source = 2 + (int)((uint)Interlocked.Increment(ref nextSource) % 249);
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)source]), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private readonly List<HubConnection> connections = [];
    private readonly long[] received;
    private readonly bool[] joined;
    public Deliveries Deliveries { get; } = new();

    private Viewers(int capacity) => (received, joined) = (new long[capacity], new bool[capacity]);

    public int Count { get { lock (connections) return joined.Count(j => j); } }

    /// <summary>Per-viewer QuestionAsked counts of the joined viewers (a lost message shows as a viewer below the others).</summary>
    public (long Min, long Max) ReceivedRange()
    {
        long[] counts;
        lock (connections) counts = [.. received.Where((_, i) => joined[i])];
        return counts.Length == 0 ? (0, 0) : (counts.Min(), counts.Max());
    }

    /// <summary>
    /// Connects and joins up to <paramref name="count"/> viewers, spread round-robin over <paramref name="hubs"/>; stops
    /// early (without failing) at <paramref name="deadline"/>. Returns how many joined and how long it took.
    /// </summary>
    public static async Task<(Viewers Viewers, int Joined, TimeSpan Elapsed, int Failed)> ConnectAsync(IReadOnlyList<Uri> hubs, Guid sessionId, int count,
        TimeSpan deadline, CancellationToken ct)
    {
        var viewers = new Viewers(count);
        var stopwatch = Stopwatch.StartNew();
        var failed = 0;
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && stopwatch.Elapsed < deadline && !ct.IsCancellationRequested)
            {
                try { await viewers.AddAsync(hubs[i % hubs.Count], sessionId, ct); }
                catch (Exception e) when (e is HttpRequestException or WebSocketException or IOException or InvalidOperationException or TimeoutException or OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failed) == 1) Console.Error.WriteLine($"  a viewer could not connect: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, ConnectConcurrency).Select(_ => Task.Run(Worker, ct)));
        return (viewers, viewers.Count, stopwatch.Elapsed, failed);
    }

    private async Task AddAsync(Uri hub, Guid sessionId, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub, "/hubs/live"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, token) =>
                {
                    var socket = new ClientWebSocket();
                    var uri = new UriBuilder(context.Uri) { Scheme = context.Uri.Scheme == "https" ? "wss" : context.Uri.Scheme == "http" ? "ws" : context.Uri.Scheme }.Uri;
                    await socket.ConnectAsync(uri, socketInvoker, token);
                    return socket;
                };
            })
            .Build();
        // Generous timeouts: under a saturating load the load generator may be late with a ping; that must not drop viewers.
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        int slot;
        lock (connections) { slot = connections.Count; connections.Add(connection); }
        connection.On<QuestionView>("QuestionAsked", q => Deliveries.Question(q, ref received[slot]));
        connection.On<PresenceView>("PresenceChanged", _ => Deliveries.PresenceChanged());
        try
        {
            await connection.StartAsync(ct);
            var joined = await connection.InvokeAsync<HubResult<System.Text.Json.JsonElement>>("JoinSession", sessionId, ct);
            if (!joined.Ok) throw new InvalidOperationException($"JoinSession failed: {joined.Error?.Code}");
            lock (connections) this.joined[slot] = true;
        }
        catch (Exception)
        {
            // Keep the slot (its count stays 0 and is ignored) but not the connection.
            lock (connections) connections[slot] = null!;
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the viewers receive nothing more for <paramref name="quiet"/>, at most <paramref name="max"/>.</summary>
    public async Task<TimeSpan> WaitForQuietAsync(TimeSpan quiet, TimeSpan max, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = Deliveries.Total + Deliveries.Presence;
        var still = Stopwatch.StartNew();
        while (stopwatch.Elapsed < max && still.Elapsed < quiet)
        {
            await Task.Delay(100, ct);
            var now = Deliveries.Total + Deliveries.Presence;
            if (now != last) { last = now; still.Restart(); }
        }
        return stopwatch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        List<HubConnection> all;
        lock (connections) all = [.. connections.Where(c => c is not null)];
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(all.Select(async c =>
        {
            await gate.WaitAsync();
            try { await c.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (TimeoutException) { }
            finally { gate.Release(); }
        }));
    }
}

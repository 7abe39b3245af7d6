using System.Net;
using System.Net.Sockets;
using LiveHire.Testing;

namespace LiveHire.IntegrationTests.Testing;

/// <summary>Servers started by tests leave nothing behind and are found where the test script expects them.</summary>
public sealed class ServerLifetimeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Free_port_is_on_loopback_and_unbound()
    {
        var port = FreePort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();

        port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Free_ports_are_never_ones_the_kernel_gives_outgoing_connections()
    {
        // The kernel picks an outgoing connection's own port from ip_local_port_range; a server port from there can be
        // taken by any client socket between the pick and the bind (nginx's RTMP port lost that race on 2026-12-06).
        var range = (await File.ReadAllTextAsync("/proc/sys/net/ipv4/ip_local_port_range", Cancellation))
            .Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        ports.ShouldAllBe(p => p < range[0] && p >= 1024);
        ports.Distinct().Count().ShouldBeGreaterThan(40, "picked at random, not one port over and over");
        using var client = new TcpClient();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, Cancellation);
        ((IPEndPoint)client.Client.LocalEndPoint!).Port.ShouldBeGreaterThanOrEqualTo(range[0], "this machine's clients get ports from the range read above");
    }

    [Fact]
    public void A_free_port_is_handed_out_once_until_its_lease_runs_out()
    {
        // Ports are picked seconds before their servers bind them (nginx's RTMP port before Web and Realtime start), so a pick
        // must not be the same as an earlier one in this process or another of the run: on 2026-12-07 nginx found its RTMP port
        // held when it came to bind it.
        var ports = Enumerable.Range(0, 300).Select(_ => FreePort.Next()).ToList();
        ports.Distinct().Count().ShouldBe(ports.Count, "none of these is bound yet, and none may be given twice");

        // The lease is a file any process of the run sees: a port leased elsewhere is refused, and free again once the lease is old.
        var port = ports[0];
        var lease = Path.Combine(FreePort.LeaseDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Exists(lease).ShouldBeTrue();
        FreePort.TryLease(port).ShouldBeFalse();
        File.SetLastWriteTimeUtc(lease, DateTime.UtcNow - FreePort.Lease - TimeSpan.FromMinutes(1));
        FreePort.TryLease(port).ShouldBeTrue("a lease older than the longest start is a finished server's");
        FreePort.TryLease(port).ShouldBeFalse("taken over, it is a live lease again");
    }

    [Fact]
    public async Task Nginx_whose_rtmp_port_is_taken_fails_to_start_with_its_error_log()
    {
        // Something else holds the RTMP port: nginx binds its HTTP port, retries the RTMP one and exits, and the start says so
        // instead of handing back a deployment whose front door closes a moment later.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = new NginxRtmp(((IPEndPoint)squatter.LocalEndpoint).Port, "0123456789abcdef0123456789abcdef");

        var failure = await Should.ThrowAsync<TestServerStartException>(() =>
            NginxServer.StartAsync([new Uri("http://127.0.0.1:9/")], [new Uri("http://127.0.0.1:9/")], Cancellation, taken));

        failure.Message.ShouldContain($"RTMP port {taken.Port} (held by {Environment.ProcessId} (");
        failure.Message.ShouldContain("Address already in use");
    }

    [Fact]
    public void Repo_root_holds_the_solution_and_the_test_tools()
    {
        File.Exists(Path.Combine(RepoPaths.Root, "LiveHire.sln")).ShouldBeTrue();
        File.Exists(Path.Combine(RepoPaths.TestTools, "package.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Disposed_redis_stops_listening_and_deletes_its_directory()
    {
        var redis = await RedisServer.StartNewAsync(Cancellation);
        var port = redis.Port;
        var directory = redis.DataDirectory;
        Directory.Exists(directory).ShouldBeTrue();
        Path.GetDirectoryName(directory).ShouldBe(Path.TrimEndingDirectorySeparator(TestTempDirectory.Parent));

        await redis.DisposeAsync();

        Directory.Exists(directory).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port, Cancellation));
    }

    [Fact]
    public async Task Disposed_postgres_stops_listening_and_deletes_its_directory()
    {
        var postgres = await PostgresServer.StartNewAsync(Cancellation);
        var port = postgres.Port;
        var directory = postgres.RootDirectory;

        await postgres.DisposeAsync();

        Directory.Exists(directory).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port, Cancellation));
    }
}

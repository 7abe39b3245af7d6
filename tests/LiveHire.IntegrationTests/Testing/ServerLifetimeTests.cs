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

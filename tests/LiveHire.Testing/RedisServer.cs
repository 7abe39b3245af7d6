namespace LiveHire.Testing;

/// <summary>A real redis-server on a free 127.0.0.1 port, with its own empty directory and no persistence.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? process;

    /// <summary>The redis-server executable; <c>LIVEHIRE_REDIS_SERVER</c> overrides the one on PATH.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("LIVEHIRE_REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";

    public int Port { get; private set; }

    public string DataDirectory { get; private set; } = string.Empty;

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</summary>
    public string ConnectionString =>
        process is null ? throw new InvalidOperationException("RedisServer has not been started.") : $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var server = new RedisServer();
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("RedisServer is already started.");
        }

        DataDirectory = TestTempDirectory.Create("redis");
        try
        {
            // --daemonize no keeps it our child, so disposing kills it; no save/AOF because tests need no durability.
            (process, Port) = await ChildProcess.StartListeningAsync(
                "redis-server",
                Executable,
                port => ["--port", port.ToString(), "--bind", "127.0.0.1", "--daemonize", "no", "--dir", DataDirectory, "--save", "", "--appendonly", "no"],
                DataDirectory,
                StartTimeout,
                cancellationToken);
        }
        catch (Exception)
        {
            // Startup failed after the directory was made; remove it before the exception reaches the test.
            TestTempDirectory.Delete(DataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }

        if (DataDirectory.Length > 0)
        {
            TestTempDirectory.Delete(DataDirectory);
        }
    }
}

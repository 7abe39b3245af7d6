using Xunit;

namespace LiveHire.Testing;

/// <summary>
/// The servers a test assembly shares: Redis, PostgreSQL and Azurite (blob), each started once when xunit
/// initializes this fixture and stopped when the assembly is done. Register it with
/// <c>[assembly: AssemblyFixture(typeof(TestServers))]</c> and take it in a test class constructor.
/// A server whose connection string is given in <see cref="RedisVariable"/>, <see cref="PostgresVariable"/>
/// or <see cref="BlobVariable"/> is used as is and not started.
/// </summary>
public class TestServers : IAsyncLifetime
{
    /// <summary>StackExchange.Redis configuration string of an existing Redis to use instead of starting one.</summary>
    public const string RedisVariable = "LIVEHIRE_TEST_REDIS";

    /// <summary>Npgsql connection string of an existing PostgreSQL superuser (allowed to CREATE DATABASE).</summary>
    public const string PostgresVariable = "LIVEHIRE_TEST_POSTGRES";

    /// <summary>Azure Blob Storage connection string of an existing Azurite or storage account.</summary>
    public const string BlobVariable = "LIVEHIRE_TEST_BLOB";

    private RedisServer? redis;
    private PostgresServer? postgres;
    private AzuriteServer? azurite;
    private string? redisConnectionString;
    private string? postgresConnectionString;
    private string? blobConnectionString;

    public string RedisConnectionString => redisConnectionString ?? throw NotInitialized();

    /// <summary>Superuser connection to the <c>postgres</c> database; prefer <see cref="CreatePostgresDatabaseAsync"/> for test data.</summary>
    public string PostgresConnectionString => postgresConnectionString ?? throw NotInitialized();

    public string BlobConnectionString => blobConnectionString ?? throw NotInitialized();

    /// <summary>Creates an empty, uniquely named database and returns a connection string for it.</summary>
    public Task<string> CreatePostgresDatabaseAsync(CancellationToken cancellationToken = default) =>
        PostgresDatabases.CreateAsync(PostgresConnectionString, PostgresDatabases.UniqueName(), cancellationToken);

    public async ValueTask InitializeAsync()
    {
        // Started side by side: the fixture is ready after the slowest one (initdb), not after all three in turn.
        try
        {
            await Task.WhenAll(StartRedisAsync(), StartPostgresAsync(), StartBlobAsync());
        }
        catch (Exception)
        {
            // WhenAll has let every start finish; stop the ones that did come up so a failed run leaves no servers.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Each server is stopped even if another one fails to stop.
        List<Exception> failures = [];
        foreach (var server in new IAsyncDisposable?[] { redis, postgres, azurite })
        {
            if (server is null)
            {
                continue;
            }

            try
            {
                await server.DisposeAsync();
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        }

        GC.SuppressFinalize(this);
        if (failures.Count > 0)
        {
            throw new AggregateException("Some test servers did not stop cleanly.", failures);
        }
    }

    private static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static InvalidOperationException NotInitialized() =>
        new("TestServers has not been initialized; register it as an xunit assembly fixture or call InitializeAsync.");

    private async Task StartRedisAsync()
    {
        if (FromEnvironment(RedisVariable) is { } configured)
        {
            redisConnectionString = configured;
            return;
        }

        redis = await RedisServer.StartNewAsync();
        redisConnectionString = redis.ConnectionString;
    }

    private async Task StartPostgresAsync()
    {
        if (FromEnvironment(PostgresVariable) is { } configured)
        {
            postgresConnectionString = configured;
            return;
        }

        postgres = await PostgresServer.StartNewAsync();
        postgresConnectionString = postgres.ConnectionString;
    }

    private async Task StartBlobAsync()
    {
        if (FromEnvironment(BlobVariable) is { } configured)
        {
            blobConnectionString = configured;
            return;
        }

        azurite = await AzuriteServer.StartNewAsync();
        blobConnectionString = azurite.ConnectionString;
    }
}

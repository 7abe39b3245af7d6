using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using LiveHire.Testing;
using Npgsql;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.Testing;

/// <summary>The shared servers that every integration test relies on are real and usable.</summary>
public sealed class TestServersTests(TestServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redis_server_answers_ping()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        var database = redis.GetDatabase();

        var roundTrip = await database.PingAsync();
        var key = $"test:{Guid.NewGuid():N}";
        await database.StringSetAsync(key, "live", TimeSpan.FromMinutes(1));

        roundTrip.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        ((string?)await database.StringGetAsync(key)).ShouldBe("live");
    }

    [Fact]
    public async Task Postgres_database_is_created_and_accepts_queries()
    {
        var connectionString = await servers.CreatePostgresDatabaseAsync(Cancellation);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await Execute(connection, "CREATE TABLE fair (id int PRIMARY KEY, title text NOT NULL)");
        await Execute(connection, "INSERT INTO fair VALUES (1, '每周一聘')");

        (await Scalar<string>(connection, "SELECT current_database()")).ShouldStartWith("t_");
        (await Scalar<string>(connection, "SELECT title FROM fair WHERE id = 1")).ShouldBe("每周一聘");
    }

    [Fact]
    public async Task Each_created_postgres_database_starts_empty()
    {
        var first = await servers.CreatePostgresDatabaseAsync(Cancellation);
        var second = await servers.CreatePostgresDatabaseAsync(Cancellation);
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(Cancellation);
            await Execute(connection, "CREATE TABLE only_in_first (id int)");
        }

        await using var other = new NpgsqlConnection(second);
        await other.OpenAsync(Cancellation);

        second.ShouldNotBe(first);
        (await Scalar<long>(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).ShouldBe(0);
    }

    [Fact]
    public async Task Azurite_stores_and_returns_a_blob()
    {
        var service = new BlobServiceClient(servers.BlobConnectionString);
        var container = service.GetBlobContainerClient($"test-{Guid.NewGuid():N}");
        await container.CreateAsync(cancellationToken: Cancellation);
        var blob = container.GetBlobClient("resumes/张三.pdf");
        var content = "%PDF-1.4 résumé"u8.ToArray();

        await blob.UploadAsync(BinaryData.FromBytes(content), Cancellation);
        var downloaded = await blob.DownloadContentAsync(Cancellation);

        downloaded.Value.Content.ToArray().ShouldBe(content);
    }

    [Fact]
    public async Task Postgres_restarts_on_the_same_port_with_its_data()
    {
        // A server of its own: stopping the shared one would break tests running alongside.
        await using var postgres = await PostgresServer.StartNewAsync(Cancellation);
        var portBefore = postgres.Port;
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync(Cancellation);
            await Execute(connection, "CREATE TABLE survivor (name text); INSERT INTO survivor VALUES ('kept')");
        }

        await postgres.StopAsync(Cancellation);
        var whileDown = await Should.ThrowAsync<NpgsqlException>(async () =>
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync(Cancellation);
        });
        await postgres.StartAsync(Cancellation);

        whileDown.ShouldNotBeNull();
        postgres.Port.ShouldBe(portBefore);
        await using var reconnected = new NpgsqlConnection(postgres.ConnectionString);
        await reconnected.OpenAsync(Cancellation);
        (await Scalar<string>(reconnected, "SELECT name FROM survivor")).ShouldBe("kept");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    [Fact]
    public async Task A_server_is_not_taken_for_started_when_a_stranger_answers_on_its_port()
    {
        // A free port handed to a slow starter (Azurite's node takes seconds) can be taken meanwhile by another test process's
        // server. The probe then connects, but to the stranger: that once sent a suite's blob calls to a Redis server.
        using var stranger = new TcpListener(IPAddress.Loopback, 0);
        stranger.Start();
        var port = ((IPEndPoint)stranger.LocalEndpoint).Port;
        await using var starting = ChildProcess.Start("still-starting", "sleep", ["30"], Path.GetTempPath());

        (await starting.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10), Cancellation)).ShouldBeFalse();
    }
}

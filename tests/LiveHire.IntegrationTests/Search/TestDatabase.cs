using LiveHire.Core.Data;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Search;

/// <summary>An empty database of one provider, migrated with that provider's own migrations, deleted afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract LiveHireDbContext NewContext();

    public abstract ValueTask CreateAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public async ValueTask CreateMigratedAsync(CancellationToken ct)
    {
        await CreateAsync(ct);
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = TestTempDirectory.Create("sqlite");

    public override LiveHireDbContext NewContext() => new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_directory, "livehire.db")};Pooling=False").Options);

    public override ValueTask CreateAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        TestTempDirectory.Delete(_directory);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase(TestServers servers) : TestDatabase
{
    private string? _connectionString;

    public override LiveHireDbContext NewContext() => new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
        .UseNpgsql(_connectionString ?? throw new InvalidOperationException("The test database has not been created.")).Options);

    public override async ValueTask CreateAsync(CancellationToken ct) => _connectionString = await servers.CreatePostgresDatabaseAsync(ct);

    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is null) return;
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }
}

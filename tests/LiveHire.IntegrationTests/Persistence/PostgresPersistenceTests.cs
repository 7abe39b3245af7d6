using LiveHire.Core.Data;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiveHire.IntegrationTests.Persistence;

/// <summary>The persistence contract on a PostgreSQL database of its own, migrated with Migrations/Postgres.</summary>
public sealed class PostgresPersistenceTests(TestServers servers) : PersistenceContract
{
    private string? _connectionString;

    protected override async ValueTask CreateEmptyDatabaseAsync() =>
        _connectionString = await servers.CreatePostgresDatabaseAsync(Ct);

    protected override LiveHireDbContext NewContext(params IInterceptor[] interceptors) =>
        new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
            .UseNpgsql(_connectionString ?? throw new InvalidOperationException("The test database has not been created."))
            .AddInterceptors(interceptors)
            .Options);

    protected override async ValueTask DeleteDatabaseAsync()
    {
        if (_connectionString is null) return;
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }
}

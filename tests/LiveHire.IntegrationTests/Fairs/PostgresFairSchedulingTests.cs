using LiveHire.Core.Data;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>Editions and reminders on PostgreSQL (Distributed mode).</summary>
public sealed class PostgresFairSchedulingTests(TestServers servers) : FairSchedulingContract(servers)
{
    private string? connectionString;

    protected override async ValueTask CreateEmptyDatabaseAsync() => connectionString = await Servers.CreatePostgresDatabaseAsync(Ct);

    protected override LiveHireDbContext NewContext() => new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
        .UseNpgsql(connectionString ?? throw new InvalidOperationException("The test database has not been created.")).Options);

    protected override async ValueTask DeleteDatabaseAsync()
    {
        if (connectionString is null) return;
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }
}

using LiveHire.Core.Data;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>Editions and reminders on the Embedded SQLite file.</summary>
public sealed class SqliteFairSchedulingTests(TestServers servers) : FairSchedulingContract(servers)
{
    private readonly string directory = TestTempDirectory.Create("fairs");

    protected override ValueTask CreateEmptyDatabaseAsync() => ValueTask.CompletedTask;

    protected override LiveHireDbContext NewContext() => new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>()
        .UseSqlite($"Data Source={Path.Combine(directory, "livehire.db")};Pooling=False").Options);

    protected override ValueTask DeleteDatabaseAsync()
    {
        TestTempDirectory.Delete(directory);
        return ValueTask.CompletedTask;
    }
}

using LiveHire.Core.Data;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiveHire.IntegrationTests.Persistence;

/// <summary>The persistence contract on a SQLite file of its own, migrated with Migrations/Sqlite.</summary>
public sealed class SqlitePersistenceTests : PersistenceContract
{
    private readonly string _directory = TestTempDirectory.Create("sqlite");

    // No pooling: a pooled connection would keep the file open after the test and the directory could not be removed.
    private string ConnectionString => $"Data Source={Path.Combine(_directory, "livehire.db")};Pooling=False";

    protected override ValueTask CreateEmptyDatabaseAsync() => ValueTask.CompletedTask;

    protected override LiveHireDbContext NewContext(params IInterceptor[] interceptors) =>
        new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    protected override ValueTask DeleteDatabaseAsync()
    {
        TestTempDirectory.Delete(_directory);
        return ValueTask.CompletedTask;
    }
}

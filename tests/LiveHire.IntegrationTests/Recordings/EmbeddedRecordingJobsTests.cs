using LiveHire.IntegrationTests.Testing;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Ports;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Recordings;

/// <summary>Embedded mode: SQLite and blobs on local disk.</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class EmbeddedRecordingJobsTests : RecordingJobsContract
{
    private readonly string directory = TestTempDirectory.Create("rec-embedded");

    protected override IBlobStore Store => field ??= new LocalDiskBlobStore(Path.Combine(directory, "blobs"));

    protected override ValueTask CreateDatabaseAsync() => ValueTask.CompletedTask;

    protected override LiveHireDbContext NewContext() => new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>()
        .UseSqlite($"Data Source={Path.Combine(directory, "livehire.db")};Pooling=False;Default Timeout=30").Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestTempDirectory.Delete(directory);
    }
}

using LiveHire.IntegrationTests.Testing;
using Azure.Storage.Blobs;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Ports;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Recordings;

/// <summary>Distributed mode: PostgreSQL and Azure Blob Storage (Azurite).</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class DistributedRecordingJobsTests(TestServers servers) : RecordingJobsContract
{
    private readonly string container = $"rec-{Guid.NewGuid():N}"[..24];
    private string? connectionString;

    protected override IBlobStore Store => field ??= new AzureBlobStore(servers.BlobConnectionString, container);

    protected override async ValueTask CreateDatabaseAsync() => connectionString = await servers.CreatePostgresDatabaseAsync(Ct);

    protected override LiveHireDbContext NewContext() => new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
        .UseNpgsql(connectionString ?? throw new InvalidOperationException("The test database has not been created.")).Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using (var db = NewContext()) await db.Database.EnsureDeletedAsync();
        await new BlobContainerClient(servers.BlobConnectionString, container).DeleteIfExistsAsync();
    }
}

using Azure.Storage.Blobs;
using LiveHire.Core.Adapters;
using LiveHire.Testing;

namespace LiveHire.IntegrationTests.Storage;

public sealed class AzureBlobStoreTests : BlobStoreContract, IAsyncLifetime
{
    private readonly BlobContainerClient _container;

    public AzureBlobStoreTests(TestServers servers) : this(servers, $"blobs-{Guid.NewGuid():N}") { }

    // A container of its own per test: nothing written by one test is visible to another, and each test also
    // exercises the store creating its container on first write.
    private AzureBlobStoreTests(TestServers servers, string containerName)
        : base(new AzureBlobStore(servers.BlobConnectionString, containerName)) =>
        _container = new BlobContainerClient(servers.BlobConnectionString, containerName);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task Health_check_throws_when_storage_is_unreachable()
    {
        var closedPort = FreePort.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
                         $"BlobEndpoint=http://127.0.0.1:{closedPort}/{AzuriteServer.AccountName};";
        var unreachable = new AzureBlobStore(connection, "livehire");

        await Should.ThrowAsync<Exception>(() => unreachable.CheckHealthAsync(Ct));
    }

    [Fact]
    public async Task Container_is_created_on_first_write()
    {
        (await _container.ExistsAsync(Ct)).Value.ShouldBeFalse();

        await Store.PutAsync("resumes/first.pdf", new MemoryStream([1]), "application/pdf", Ct);

        (await _container.ExistsAsync(Ct)).Value.ShouldBeTrue();
    }
}

using LiveHire.Core.Adapters;
using LiveHire.Testing;

namespace LiveHire.IntegrationTests.Storage;

public sealed class LocalDiskBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root;

    public LocalDiskBlobStoreTests() : this(TestTempDirectory.Create("blobs")) { }

    private LocalDiskBlobStoreTests(string root) : base(new LocalDiskBlobStore(root)) => _root = root;

    public void Dispose() => TestTempDirectory.Delete(_root);

    [Fact]
    public async Task Failed_write_leaves_no_file_on_disk()
    {
        var broken = new UploadStream(new byte[200_000], holdAt: 50_000, failure: new IOException("client went away"));

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("resumes/half.pdf", broken, "application/pdf", Ct));

        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Blob_is_stored_as_a_plain_file_under_its_key()
    {
        await Store.PutAsync("hls/s1/index.m3u8", new MemoryStream("#EXTM3U"u8.ToArray()), "application/vnd.apple.mpegurl", Ct);

        (await File.ReadAllTextAsync(Path.Combine(_root, "hls", "s1", "index.m3u8"), Ct)).ShouldBe("#EXTM3U");
    }

    [Fact]
    public async Task Key_cannot_collide_with_the_stores_own_files()
    {
        // Keys cannot hold '~', which the sidecar and temp names use, so any legal neighbour key stays independent.
        await Store.PutAsync("a/x", new MemoryStream([1]), "text/plain", Ct);
        await Store.PutAsync("a/x.type", new MemoryStream([2]), "image/png", Ct);
        await Store.PutAsync("a/x.tmp", new MemoryStream([3]), "image/gif", Ct);

        await using var first = await Store.OpenReadAsync("a/x", Ct);
        first.ShouldNotBeNull();
        first.ContentType.ShouldBe("text/plain");
        (await ReadAllAsync(first)).ShouldBe(new byte[] { 1 });
    }
}

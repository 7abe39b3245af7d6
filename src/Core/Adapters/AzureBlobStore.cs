using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using System.Text;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>Blobs in one Azure Blob Storage container (Distributed mode; Azurite in tests).</summary>
internal sealed class AzureBlobStore : IBlobStore
{
    private const string DefaultContentType = "application/octet-stream";
    private const int BlockSize = 4 * 1024 * 1024;

    // The SDK buffers an unseekable stream in memory, a block at a time, before it sends (pooled arrays that stay with
    // the process afterwards). PutAsync therefore spools such a stream to a temporary file first and hands the SDK the
    // seekable file, which it reads as it sends: memory stays flat however many uploads run at once. Files of up to
    // 4 MB (a resume, a photo) go as one request; larger ones (a recording) in 4 MB blocks, four in flight.
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = BlockSize,
        MaximumTransferSize = BlockSize,
        MaximumConcurrency = 4,
    };

    private readonly BlobContainerClient _container;
    private readonly BlobContainerClient _probe;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobStore(string connectionString, string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        _container = new BlobContainerClient(connectionString, containerName);

        // The health probe skips the SDK's retries and back-off (several seconds against a dead endpoint), so
        // /health/ready answers within its own timeout instead of hanging.
        var probeOptions = new BlobClientOptions();
        probeOptions.Retry.MaxRetries = 0;
        probeOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        _probe = new BlobContainerClient(connectionString, containerName, probeOptions);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var blob = Blob(key);
        await EnsureContainerAsync(cancellationToken);
        // Without conditions the upload replaces. Staged blocks stay invisible until the final commit, so readers see
        // the old blob or the new one, never a part; a failed upload leaves the old blob as it was.
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            TransferOptions = Transfer,
        };
        if (content.CanSeek)
        {
            await blob.UploadAsync(content, options, cancellationToken);
            return;
        }
        await using var spooled = await SpoolAsync(content, cancellationToken);
        await blob.UploadAsync(spooled, options, cancellationToken);
    }

    /// <summary>Copies an unseekable stream to a temporary file (deleted when closed) and returns it rewound.</summary>
    private static async Task<FileStream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"livehire-upload-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(file, 64 * 1024, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async Task<BlobDownload?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Blob(key);
        try
        {
            var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
            var details = response.Value.Details;
            return new BlobDownload(response.Value.Content, details.ContentType ?? DefaultContentType, details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Covers a missing container too: nothing was ever written, so the blob is simply absent.
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Blob(key);
        var response = await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        return response.Value;
    }

    public async Task<BlobRangeDownload?> OpenReadRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l) ArgumentOutOfRangeException.ThrowIfNegative(l);
        var blob = Blob(key);
        try
        {
            if (length == 0) return await EmptyRangeAsync(blob, offset, cancellationToken);
            var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
            var details = response.Value.Details;
            return new BlobRangeDownload(response.Value.Content, details.ContentType ?? DefaultContentType, offset, details.ContentLength,
                TotalLengthOf(details.ContentRange) ?? details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            // Offset at or past the end: the contract answers an empty range, with the length the caller needs for a 416.
            return await EmptyRangeAsync(blob, offset, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task StageBlockAsync(string key, int blockNumber, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(blockNumber);
        var blob = BlockBlob(key);
        await EnsureContainerAsync(cancellationToken);
        await blob.StageBlockAsync(BlockId(blockNumber), content, new BlockBlobStageBlockOptions(), cancellationToken);
    }

    public async Task CommitBlocksAsync(string key, int blockCount, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var blob = BlockBlob(key);
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await blob.CommitBlockListAsync(Enumerable.Range(0, blockCount).Select(BlockId),
                new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.InvalidBlockList)
        {
            throw new InvalidOperationException($"A block of '{key}' was never staged.", ex);
        }
    }

    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(folder);
        var count = 0;
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder + "/" }, cancellationToken))
            {
                var deleted = await _container.GetBlobClient(item.Name)
                    .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                if (deleted.Value) count++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: nothing was ever written, so there is nothing to delete.
        }
        return count;
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = Blob(key);
        var response = await blob.ExistsAsync(cancellationToken);
        return response.Value;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        // A container that does not exist yet is fine (it is created on first write); only an unreachable or
        // unauthorised endpoint throws.
        await _probe.ExistsAsync(cancellationToken);
    }

    private BlobClient Blob(string key)
    {
        BlobKey.Validate(key);
        return _container.GetBlobClient(key);
    }

    private BlockBlobClient BlockBlob(string key)
    {
        BlobKey.Validate(key);
        return _container.GetBlockBlobClient(key);
    }

    // Azure wants base64 ids of one length per blob; a fixed-width number gives that, and the same id for the same
    // block on every run, so a re-run replaces blocks instead of adding to them.
    private static string BlockId(int blockNumber) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{blockNumber:D6}"));

    private static long? TotalLengthOf(string? contentRange)
    {
        // "bytes 0-99/1234"
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), out var total) ? total : null;
    }

    private static async Task<BlobRangeDownload?> EmptyRangeAsync(BlobClient blob, long offset, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobRangeDownload(Stream.Null, properties.ContentType ?? DefaultContentType, Math.Min(offset, properties.ContentLength), 0,
                properties.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady) return;
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            // Set only after success, so a first attempt while storage is down is retried by the next write.
            if (_containerReady) return;
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }
        finally
        {
            _createGate.Release();
        }
    }
}

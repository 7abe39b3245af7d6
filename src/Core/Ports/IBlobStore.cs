namespace LiveHire.Core.Ports;

/// <summary>A stored blob opened for reading. Dispose it to release the stream.</summary>
public sealed record BlobDownload(Stream Content, string ContentType, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Part of a stored blob opened for reading: <see cref="Length"/> bytes from <see cref="Offset"/> of a blob of
/// <see cref="TotalLength"/> bytes. Length is 0 when Offset is at or past the end.
/// </summary>
public sealed record BlobRangeDownload(Stream Content, string ContentType, long Offset, long Length, long TotalLength) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Where files live: resumes, recordings, contracts, HLS. Local disk in Embedded mode, Azure Blob Storage in
/// Distributed mode; both adapters pass the same test suite. Keys are '/'-separated relative paths of
/// [a-zA-Z0-9._-] segments; anything else is rejected with <see cref="ArgumentException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Streams <paramref name="content"/> to <paramref name="key"/>, replacing what was there. Never buffers the whole file.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob, or returns null when there is none.</summary>
    Task<BlobDownload?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob; true when it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens up to <paramref name="length"/> bytes (to the end when null) from <paramref name="offset"/>, for HTTP range
    /// requests such as a video player seeking; null when there is no blob.
    /// </summary>
    Task<BlobRangeDownload?> OpenReadRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages block <paramref name="blockNumber"/> (0-based) of a blob written in parts; invisible to readers until
    /// <see cref="CommitBlocksAsync"/>. Staging the same number again replaces the block, so a re-run after a crash
    /// re-stages the same blocks and commits the same list. Blocks are held in memory by callers: keep them to a few MB.
    /// </summary>
    Task StageBlockAsync(string key, int blockNumber, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the blob, atomically, with blocks 0 to <paramref name="blockCount"/> - 1 in order; staged blocks not in
    /// that range are discarded. Throws <see cref="InvalidOperationException"/> when one of them was never staged.
    /// </summary>
    Task CommitBlocksAsync(string key, int blockCount, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Deletes every blob whose key starts with <paramref name="folder"/> + '/'; returns how many there were.</summary>
    Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached (used by /health/ready).</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}

namespace LiveHire.Core.Ports;

/// <summary>A stored blob opened for reading. Dispose it to release the stream.</summary>
public sealed record BlobDownload(Stream Content, string ContentType, long Length) : IAsyncDisposable
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

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached (used by /health/ready).</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}

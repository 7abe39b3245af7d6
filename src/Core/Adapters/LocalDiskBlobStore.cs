using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>
/// Blobs as plain files under one directory (Embedded mode). The content type sits in a sidecar file whose name
/// contains '~', a character keys cannot hold, so no key can ever collide with a sidecar or a temp file.
/// </summary>
internal sealed class LocalDiskBlobStore(string rootDirectory) : IBlobStore
{
    private const string DefaultContentType = "application/octet-stream";
    private const int BufferSize = 81920;

    private readonly string _root = Path.GetFullPath(rootDirectory);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Both temps live in the target directory so the final moves are renames on one file system, hence atomic.
        var unique = Guid.NewGuid().ToString("N");
        var dataTemp = $"{path}~{unique}.tmp";
        var typeTemp = $"{path}~{unique}.type.tmp";
        try
        {
            await using (var file = new FileStream(dataTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                // Without this a power cut after the rename can leave a zero-length file under the final name.
                file.Flush(flushToDisk: true);
            }
            await File.WriteAllTextAsync(typeTemp, contentType, cancellationToken);

            // Type first: a reader of a new key then never sees its data without its type; on replace, a reader in
            // the gap between the two renames may pair the old bytes with the new type.
            File.Move(typeTemp, TypePathOf(path), overwrite: true);
            File.Move(dataTemp, path, overwrite: true);
        }
        finally
        {
            // After a successful move these names no longer exist and Delete does nothing; after a failure they go.
            File.Delete(dataTemp);
            File.Delete(typeTemp);
        }
    }

    public async Task<BlobDownload?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        // The type is read before the data is opened, so nothing is left to dispose when reading it fails.
        string contentType;
        try
        {
            contentType = await File.ReadAllTextAsync(TypePathOf(path), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            contentType = DefaultContentType;
        }

        try
        {
            // FileShare.Delete lets a concurrent replace or delete proceed while this reader keeps its own copy open.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new BlobDownload(stream, contentType, stream.Length);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        // Renaming away first is atomic, so of two concurrent deletes exactly one reports that the blob existed.
        var tombstone = $"{path}~{Guid.NewGuid():N}.deleted";
        try
        {
            File.Move(path, tombstone);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }
        File.Delete(tombstone);
        File.Delete(TypePathOf(path));
        return Task.FromResult(true);
    }

    public async Task<BlobRangeDownload?> OpenReadRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l) ArgumentOutOfRangeException.ThrowIfNegative(l);
        var whole = await OpenReadAsync(key, cancellationToken);
        if (whole is null) return null;
        var start = Math.Min(offset, whole.Length);
        var count = Math.Min(length ?? long.MaxValue, whole.Length - start);
        whole.Content.Seek(start, SeekOrigin.Begin);
        return new BlobRangeDownload(new SliceStream(whole.Content, count), whole.ContentType, start, count, whole.Length);
    }

    public async Task StageBlockAsync(string key, int blockNumber, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(blockNumber);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and renamed, so a crash mid-stage leaves a temp file, never a short block under the block's name.
        var temp = $"{BlockPathOf(path, blockNumber)}~{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, BlockPathOf(path, blockNumber), overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task CommitBlocksAsync(string key, int blockCount, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var path = PathOf(key);
        var blocks = Enumerable.Range(0, blockCount).Select(n => BlockPathOf(path, n)).ToList();
        if (blocks.Find(b => !File.Exists(b)) is { } missing)
            throw new InvalidOperationException($"Block {Path.GetFileName(missing)} of '{key}' was never staged.");

        // The same temp-and-rename as PutAsync: readers see the old blob or the whole new one.
        await PutAsync(key, new ConcatenatedFiles(blocks), contentType, cancellationToken);
        foreach (var leftover in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + BlockMarker + "*"))
            File.Delete(leftover);
    }

    public Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var directory = PathOf(folder);
        if (!Directory.Exists(directory)) return Task.FromResult(0);
        // Renamed away first (atomic), so readers and writers see the folder whole or gone, and a second delete finds nothing.
        var tombstone = $"{directory}~{Guid.NewGuid():N}.deleted";
        try
        {
            Directory.Move(directory, tombstone);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult(0);
        }
        var count = Directory.EnumerateFiles(tombstone, "*", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).Contains('~'));
        Directory.Delete(tombstone, recursive: true);
        return Task.FromResult(count);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        // Throws when the directory cannot exist (bad path, no permission): the only way this store is unreachable.
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        BlobKey.Validate(key);
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static string TypePathOf(string path) => path + "~type";

    private const string BlockMarker = "~block-";

    private static string BlockPathOf(string path, int blockNumber) => $"{path}{BlockMarker}{blockNumber:D6}";

    /// <summary>The staged blocks read one after another, as one stream for <see cref="PutAsync"/>.</summary>
    private sealed class ConcatenatedFiles(IReadOnlyList<string> paths) : Stream
    {
        private int _next;
        private FileStream? _current;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                if (_current is null)
                {
                    if (_next == paths.Count) return 0;
                    _current = new FileStream(paths[_next++], FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
                }
                var read = await _current.ReadAsync(buffer, cancellationToken);
                if (read > 0) return read;
                await _current.DisposeAsync();
                _current = null;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _current?.Dispose();
            base.Dispose(disposing);
        }
    }
}

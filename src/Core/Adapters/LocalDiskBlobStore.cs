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
}

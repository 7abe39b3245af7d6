namespace LiveHire.Testing;

/// <summary>A real Azurite blob service (from tests/tools/node_modules) on a free 127.0.0.1 port, in its own directory.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>
    /// Azurite's well-known development account key (public, documented by Microsoft; the same string as
    /// EMULATOR_ACCOUNT_KEY_STR in azurite/dist/src/blob/utils/constants.js).
    /// </summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    // Node cold start plus Azurite's own database setup take a few seconds on a busy 2-core machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ChildProcess? process;

    /// <summary>tests/tools/node_modules/.bin/azurite-blob, installed by <c>npm ci --prefix tests/tools</c>.</summary>
    public static string Executable => Path.Combine(RepoPaths.TestTools, "node_modules", ".bin", "azurite-blob");

    public int Port { get; private set; }

    public string DataDirectory { get; private set; } = string.Empty;

    public string ConnectionString =>
        process is null
            ? throw new InvalidOperationException("AzuriteServer has not been started.")
            : $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static async Task<AzuriteServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var server = new AzuriteServer();
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("AzuriteServer is already started.");
        }

        var executable = Executable;
        if (!File.Exists(executable))
        {
            throw new TestServerStartException(
                $"Azurite is not installed at {executable}. Run `npm ci --prefix tests/tools` from the repository root (scripts/test.sh does).");
        }

        DataDirectory = TestTempDirectory.Create("azurite");
        try
        {
            // --skipApiVersionCheck: Azure.Storage.Blobs 12.30 speaks a newer API version than Azurite 3.35 knows.
            // --loose: ignore headers Azurite does not implement instead of failing the request.
            (process, Port) = await ChildProcess.StartListeningAsync(
                "azurite-blob",
                executable,
                port => ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", DataDirectory, "--skipApiVersionCheck", "--disableTelemetry", "--loose"],
                DataDirectory,
                StartTimeout,
                cancellationToken);
        }
        catch (Exception)
        {
            // Startup failed after the directory was made; remove it before the exception reaches the test.
            TestTempDirectory.Delete(DataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }

        if (DataDirectory.Length > 0)
        {
            TestTempDirectory.Delete(DataDirectory);
        }
    }
}

namespace LiveHire.Testing;

/// <summary>
/// nginx in front of Web and Realtime processes, from the real infra/nginx/livehire.conf.template, on a free
/// loopback port under a fresh temp directory.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly ChildProcess process;
    private readonly string prefix;

    private NginxServer(ChildProcess process, int port, string prefix)
    {
        this.process = process;
        Port = port;
        this.prefix = prefix;
    }

    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
    public string Log => process.Log + ReadErrorLog();

    public static string Executable => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> web, IEnumerable<Uri> realtime, CancellationToken cancellationToken = default)
    {
        var prefix = TestTempDirectory.Create("nginx");
        var template = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "nginx", "livehire.conf.template"), cancellationToken);
        static string Servers(IEnumerable<Uri> nodes) => string.Join("\n", nodes.Select(u => $"        server {u.Host}:{u.Port};"));
        var (child, port) = await ChildProcess.StartListeningAsync("nginx", Executable, port =>
            {
                var config = template
                    .Replace("${PREFIX}", prefix, StringComparison.Ordinal)
                    .Replace("${LISTEN_PORT}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("${WEB_SERVERS}", Servers(web), StringComparison.Ordinal)
                    .Replace("${REALTIME_SERVERS}", Servers(realtime), StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(prefix, "nginx.conf"), config);
                return ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf")];
            },
            prefix, TimeSpan.FromSeconds(20), cancellationToken);
        return new NginxServer(child, port, prefix);
    }

    private string ReadErrorLog()
    {
        var path = Path.Combine(prefix, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        TestTempDirectory.Delete(prefix);
    }
}

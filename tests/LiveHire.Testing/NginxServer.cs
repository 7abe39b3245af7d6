namespace LiveHire.Testing;

/// <summary>
/// nginx in front of Web and Realtime processes, from the real infra/nginx/livehire.conf.template, on a free
/// loopback port under a fresh temp directory.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly ChildProcess process;
    private readonly string prefix;

    private NginxServer(ChildProcess process, int port, string prefix, NginxRtmp rtmp)
    {
        this.process = process;
        Port = port;
        this.prefix = prefix;
        Rtmp = rtmp;
    }

    public int Port { get; }
    /// <summary>The RTMP side: where encoders publish (<c>rtmp://127.0.0.1:{port}/live</c>) and the callback token.</summary>
    public NginxRtmp Rtmp { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
    public string Log => process.Log + ReadErrorLog();

    public static string Executable => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> web, IEnumerable<Uri> realtime, CancellationToken cancellationToken = default,
        NginxRtmp? rtmp = null)
    {
        rtmp ??= NginxRtmp.Create();
        var prefix = TestTempDirectory.Create("nginx");
        var template = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "nginx", "livehire.conf.template"), cancellationToken);
        static string Servers(IEnumerable<Uri> nodes) => string.Join("\n", nodes.Select(u => $"        server {u.Host}:{u.Port};"));
        var (child, port) = await ChildProcess.StartListeningAsync("nginx", Executable, port =>
            {
                var config = template
                    .Replace("${PREFIX}", prefix, StringComparison.Ordinal)
                    .Replace("${LISTEN_PORT}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("${WEB_SERVERS}", Servers(web), StringComparison.Ordinal)
                    .Replace("${REALTIME_SERVERS}", Servers(realtime), StringComparison.Ordinal)
                    .Replace("${RTMP_LISTEN}", $"127.0.0.1:{rtmp.Port}", StringComparison.Ordinal)
                    .Replace("${RTMP_CALLBACK_TOKEN}", rtmp.CallbackToken, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(prefix, "nginx.conf"), config);
                return ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf")];
            },
            prefix, TimeSpan.FromSeconds(20), cancellationToken);
        var server = new NginxServer(child, port, prefix, rtmp);
        // nginx listens on HTTP as soon as it has bound that port, and may still be retrying the RTMP one (5 tries, 0.5 s
        // apart) before it gives up and exits: the deployment is up only once both are nginx's.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!ListeningSockets.HeldBy(child.Id, rtmp.Port))
        {
            if (child.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                var log = server.Log;
                var holders = ListeningSockets.Holders(rtmp.Port);
                await server.DisposeAsync();
                var who = holders.Count == 0 ? "nothing listens there now" : $"held by {string.Join(", ", holders)}";
                throw TestServerStartException.WithLog($"nginx did not listen on its RTMP port {rtmp.Port} ({who}).", log);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        return server;
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

/// <summary>nginx's RTMP listener on loopback and the token it sends with its callbacks to LiveHire.</summary>
public sealed record NginxRtmp(int Port, string CallbackToken)
{
    public static NginxRtmp Create() => new(FreePort.Next(), Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public string PublishUrl => $"rtmp://127.0.0.1:{Port}/live";
}

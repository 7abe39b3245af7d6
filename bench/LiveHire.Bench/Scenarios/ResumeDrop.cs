using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using LiveHire.Bench.Harness;
using LiveHire.Bench.Report;
using LiveHire.Testing;

namespace LiveHire.Bench.Scenarios;

/// <summary>
/// (5) Resume drop: rounds of 20 signed-in candidates uploading a 2 MB PDF at the same moment through LiveHire's real
/// upload endpoint (POST /api/v1/resumes, multipart, antiforgery header), against the same files uploaded straight to
/// Azurite with the Azure SDK; and Web's resident memory during the drop against before it.
/// </summary>
public sealed class ResumeDrop : IScenario
{
    public int Number => 5;
    public string Title => "Resume drop";

    private sealed record Run(double MegabytesPerSecond, double P50Ms, double P99Ms, long Bytes, double Seconds, IReadOnlyDictionary<string, int> Failures, CpuUse Cpu);

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = context.Options;
        var deployment = context.Deployment;
        var random = new Random(2026);
        // Every upload is its own file: nothing along the way can recognise a repeat.
        var files = Enumerable.Range(0, (options.ResumeWarmUpRounds + options.ResumeRounds) * options.ResumeUploads).Select(_ => SamplePdf.Make(options.ResumeBytes, random)).ToArray();
        var people = Math.Min(context.Askers.Count, files.Length);
        var clients = new SignedInClient[people];
        var tokens = new string[people];
        for (var i = 0; i < people; i++)
        {
            clients[i] = SignedInClient.WithCookies(deployment.Web.BaseUrl, context.Askers.Cookies(i));
            // A person's page carries the token before they pick a file; fetching it is not part of the upload.
            tokens[i] = await clients[i].AntiforgeryTokenAsync("/", ct);
        }
        var container = new BlobContainerClient(deployment.Azurite.ConnectionString, "bench-baseline");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        try
        {
            Console.WriteLine($"  {options.ResumeRounds} rounds of {options.ResumeUploads} × {files[0].Length / 1048576.0:0.0} MB PDFs (after {options.ResumeWarmUpRounds} warm-up rounds each) …");
            var azurite = () => ServerProcess.WithCommandLine(deployment.Azurite.DataDirectory);

            var sdkCpu = new CpuMeter(new Dictionary<string, Func<IReadOnlyList<int>>> { ["Azurite"] = azurite, ["load generator"] = () => context.LoadGenerator });
            var baseline = await RoundsAsync(options, files, sdkCpu, (i, file) => UploadStraightAsync(container, i, file, ct), ct);
            Console.WriteLine($"    Azure SDK → Azurite: {baseline.MegabytesPerSecond:0.0} MB/s, p99 {baseline.P99Ms} ms");

            var webCpu = new CpuMeter(new Dictionary<string, Func<double>>
            {
                ["Web"] = () => ProcFs.CpuSeconds(deployment.WebPid), ["Azurite"] = () => azurite().Sum(ProcFs.CpuSeconds),
                // Backends that exit inside the window included.
                ["PostgreSQL"] = deployment.PostgresCpuSeconds, ["load generator"] = () => context.LoadGenerator.Sum(ProcFs.CpuSeconds),
            });
            // From before Web's first upload: buffers it keeps pooled after the warm-up rounds must count, not hide in "before".
            var rss = new RssSampler(deployment.WebPid);
            await rss.StartAsync(ct);
            var live = await RoundsAsync(options, files, webCpu, (i, file) => UploadThroughLiveHireAsync(clients[i % people], tokens[i % people], i, file, ct), ct,
                beforeMeasured: rss.Mark);
            rss.Stop();
            Console.WriteLine($"    LiveHire: {live.MegabytesPerSecond:0.0} MB/s, p99 {live.P99Ms} ms; Web RSS {Mib(rss.Before)} → {Mib(rss.AtMark)} after the warm-up rounds → peak {Mib(rss.Peak)} MiB");

            var ratio = live.MegabytesPerSecond / baseline.MegabytesPerSecond;
            var inFlight = (long)options.ResumeUploads * files[0].Length;
            var growth = rss.Peak - rss.Before;
            var flat = growth < inFlight / 2;
            List<Figure> figures =
            [
                new($"MB/s, {options.ResumeUploads} concurrent 2 MB uploads", Math.Round(live.MegabytesPerSecond, 1), "MB/s", Math.Round(baseline.MegabytesPerSecond, 1),
                    "≥ 80% of baseline", ratio >= 0.8, live.Cpu, baseline.Cpu, ratio >= 0.8 ? "" : Limit(live, ratio)),
                new("p50 upload", live.P50Ms, "ms", baseline.P50Ms, "—", null, live.Cpu, baseline.Cpu),
                new("p99 upload", live.P99Ms, "ms", baseline.P99Ms, "—", null, live.Cpu, baseline.Cpu),
                new("Web peak RSS growth during the drop", Math.Round(growth / 1048576.0, 1), "MiB", null,
                    $"flat: < half the {inFlight / 1048576.0:0} MiB in flight", flat, live.Cpu, null,
                    flat ? "" : $"Web grew by {growth / 1048576.0:0} MiB for {inFlight / 1048576.0:0} MiB in flight ({(rss.AtMark - rss.Before) / 1048576.0:0} MiB " +
                        "of it in the warm-up rounds, kept afterwards). From the code path (not profiled): AzureBlobStore spools the body to a temporary file " +
                        "and the SDK reads that file as it sends, so what grows is Kestrel's and the multipart reader's pooled buffers and Server GC's " +
                        "allocation budget, which also shows as RSS"),
            ];
            List<string> notes =
            [
                $"Each round: {options.ResumeUploads} candidates (distinct, each with its own sign-in cookie) each send a different well-formed PDF of " +
                $"{files[0].Length:N0} bytes at the same moment; a round's time is from the first send to the last reply; MB/s = all bytes / all rounds' time " +
                $"({live.Bytes / 1048576.0:0} MiB in {live.Seconds:0.0} s through LiveHire, {baseline.Bytes / 1048576.0:0} MiB in {baseline.Seconds:0.0} s straight); " +
                $"p50/p99 over the single uploads. {options.ResumeWarmUpRounds} unmeasured warm-up rounds go first on each side (with one, Web's upload path " +
                "was still running unoptimised, Tier0, code in the measured rounds, and the JIT took a fifth of Web's CPU).",
                "LiveHire: POST /api/v1/resumes (multipart, field \"file\", RequestVerificationToken header fetched from the page beforehand) on Web, which " +
                "checks the token and the library limit in PostgreSQL, sniffs the type, spools the body to a temporary file as it arrives and " +
                "uploads that file to Azurite (Azure SDK, one request up to 4 MB), then stores the row. Baseline: BlobClient.UploadAsync of the same bytes from the load generator straight to the same Azurite (SDK defaults).",
                $"Memory: Web's VmRSS read every 10 ms from before its first upload to the end of the drop ({rss.Samples} samples): {Mib(rss.Before)} MiB " +
                $"before (settled), {Mib(rss.AtMark)} MiB after the warm-up rounds, {Mib(rss.Peak)} MiB at the peak; {options.ResumeUploads} uploads of " +
                $"{files[0].Length / 1048576.0:0.0} MB are {inFlight / 1048576.0:0} MiB in flight. The growth includes loading and compiling the upload " +
                "path, and anything kept pooled after the first rounds.",
                $"Failed uploads: LiveHire {Failures(live)}; baseline {Failures(baseline)}.",
            ];
            return new(Number, Title, figures, notes);
        }
        finally
        {
            foreach (var client in clients) client?.Dispose();
            await container.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    private static string Failures(Run run) => run.Failures.Count == 0 ? "none" : string.Join(", ", run.Failures.Select(f => $"{f.Key} ×{f.Value}"));

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The warm-up rounds, then the measured rounds; upload i of the whole drop sends file i.</summary>
    private static async Task<Run> RoundsAsync(BenchOptions options, byte[][] files, CpuMeter cpu, Func<int, byte[], Task<string?>> upload, CancellationToken ct,
        Action? beforeMeasured = null)
    {
        var latencies = new List<double>();
        var failures = new Dictionary<string, int>();
        long bytes = 0;
        var seconds = 0.0;
        var warmUps = options.ResumeWarmUpRounds;
        for (var round = 0; round < warmUps + options.ResumeRounds; round++)
        {
            var measured = round >= warmUps;
            if (round == warmUps)
            {
                beforeMeasured?.Invoke();
                cpu.Start();
            }
            var first = options.ResumeUploads * round;
            var wall = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(first, options.ResumeUploads).Select(i => Task.Run(async () =>
            {
                var one = Stopwatch.StartNew();
                var failure = await upload(i, files[i]);
                return (Ms: one.Elapsed.TotalMilliseconds, Failure: failure, files[i].Length);
            }, ct)));
            if (!measured) continue;
            seconds += wall.Elapsed.TotalSeconds;
            foreach (var (ms, failure, length) in results)
            {
                if (failure is null) { latencies.Add(ms); bytes += length; }
                else failures[failure] = failures.GetValueOrDefault(failure) + 1;
            }
        }
        var cpuUse = cpu.Stop();
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : Math.Round(latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)], 1);
        return new(bytes / 1e6 / seconds, Percentile(0.50), Percentile(0.99), bytes, seconds, failures, cpuUse);
    }

    private static async Task<string?> UploadThroughLiveHireAsync(SignedInClient client, string token, int i, byte[] file, CancellationToken ct)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resumes") { Content = new MultipartFormDataContent { { content, "file", $"简历-{i}.pdf" } } };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.Http.SendAsync(request, ct);
        return response.StatusCode == HttpStatusCode.Created ? null : $"HTTP {(int)response.StatusCode}";
    }

    private static async Task<string?> UploadStraightAsync(BlobContainerClient container, int i, byte[] file, CancellationToken ct)
    {
        try
        {
            await container.GetBlobClient($"resumes/baseline/{i}.pdf").UploadAsync(new BinaryData(file), overwrite: true, ct);
            return null;
        }
        catch (Azure.RequestFailedException e) { return $"HTTP {e.Status}"; }
    }

    private static string Limit(Run live, double ratio)
    {
        var reasons = new List<string> { $"{ratio:P0} of the Azure SDK uploading straight to Azurite" };
        var server = live.Cpu.Processes.Where(p => p.Key != "load generator").Sum(p => p.Value);
        if (server > 0.85)
            reasons.Add($"the server core was saturated ({string.Join(" + ", live.Cpu.Processes.Where(p => p.Key != "load generator").Select(p => $"{p.Key} {p.Value:0.00}"))} cores): " +
                        "through LiveHire every byte crosses two HTTP hops on that core (client → Web, Web → Azurite) where the baseline crosses one");
        else if (live.Cpu.CoreBusy.Length > 1 && live.Cpu.CoreBusy[^1] >= 0.95)
            reasons.Add($"the server core was {live.Cpu.CoreBusy[^1]:P0} busy but LiveHire's processes used only {server:0.00} of it: other work on this shared machine");
        return string.Join("; ", reasons);
    }

    /// <summary>Samples a process's VmRSS every 10 ms: the settled value before, the value at a mark, and the peak while sampling.</summary>
    private sealed class RssSampler(int pid)
    {
        private CancellationTokenSource? stop;
        private Task? sampling;

        public long Before { get; private set; }
        public long Peak { get; private set; }
        public long AtMark { get; private set; }
        public int Samples { get; private set; }

        public void Mark() => AtMark = ProcFs.RssBytes(pid);

        public async Task StartAsync(CancellationToken ct)
        {
            await Task.Delay(1000, ct); // let earlier work's garbage settle
            Before = Peak = ProcFs.RssBytes(pid);
            stop = new CancellationTokenSource();
            var token = stop.Token;
            sampling = Task.Run(async () =>
            {
                while (!token.IsCancellationRequested)
                {
                    Peak = Math.Max(Peak, ProcFs.RssBytes(pid));
                    Samples++;
                    try { await Task.Delay(10, token); } catch (OperationCanceledException) { }
                }
            }, CancellationToken.None);
        }

        public void Stop()
        {
            stop?.Cancel();
            sampling?.GetAwaiter().GetResult();
            stop?.Dispose();
        }
    }
}

using System.Net;
using System.Text.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>What an operator relies on: start-up validation, health, metrics, OpenAPI, logs, the jobs dashboard.</summary>
public sealed class OperationsTests(TestServers servers, EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Fact]
    public async Task Ready_is_red_while_postgres_is_down_and_green_again_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        // A PostgreSQL of its own: stopping the shared one would break other tests.
        await using var postgres = await PostgresServer.StartNewAsync(ct);
        var settings = new Dictionary<string, string>
        {
            ["LiveHire__Mode"] = "Distributed",
            ["LiveHire__Postgres"] = await postgres.CreateDatabaseAsync("readiness", ct),
            ["LiveHire__Redis"] = servers.RedisConnectionString,
            ["LiveHire__BlobStorage"] = servers.BlobConnectionString,
            ["LiveHire__RedisPrefix"] = "readiness",
        };
        (await LiveHireApp.RunCommandAsync(LiveHireHost.Web, settings, ["migrate"], TimeSpan.FromMinutes(2), ct)).ExitCode.ShouldBe(0);
        await using var web = await LiveHireApp.StartAsync(LiveHireHost.Web, settings, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = web.BaseUrl };

        await web.WaitForAsync("/health/ready", TimeSpan.FromSeconds(30), ct);
        var green = JsonDocument.Parse(await http.GetStringAsync("/health/ready", ct)).RootElement;
        green.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .ShouldBe(["database", "redis", "blob-storage", "resume-font"], ignoreOrder: true);

        await postgres.StopAsync(ct);
        await Eventually(async () => (await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.ServiceUnavailable, ct);
        (await http.GetAsync("/health/live", ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is fine");

        await postgres.StartAsync(ct);
        await Eventually(async () => (await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK, ct);
    }

    [Theory]
    [InlineData("LiveHire__Postgres", "LiveHire:Postgres")]
    [InlineData("LiveHire__Redis", "LiveHire:Redis")]
    [InlineData("LiveHire__BlobStorage", "LiveHire:BlobStorage")]
    public async Task Missing_setting_stops_start_up_with_a_message_naming_it(string left, string named)
    {
        var settings = new Dictionary<string, string>
        {
            ["LiveHire__Mode"] = "Distributed",
            ["LiveHire__Postgres"] = "Host=127.0.0.1;Port=1",
            ["LiveHire__Redis"] = "127.0.0.1:1",
            ["LiveHire__BlobStorage"] = "UseDevelopmentStorage=true",
        };
        settings.Remove(left);

        var (exitCode, output) = await LiveHireApp.RunCommandAsync(LiveHireHost.Realtime, settings, [], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        exitCode.ShouldNotBe(0);
        output.ShouldContain(named);
    }

    [Fact]
    public async Task Unknown_mode_stops_start_up_with_a_message_naming_it()
    {
        var (exitCode, output) = await LiveHireApp.RunCommandAsync(LiveHireHost.Workers, new Dictionary<string, string> { ["LiveHire__Mode"] = "Cloud" },
            [], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("LiveHire:Mode");
    }

    [Fact]
    public async Task Metrics_openapi_and_api_reference_are_served()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        (await http.GetAsync("/api/v1/sessions", ct)).EnsureSuccessStatusCode();

        var metrics = await http.GetStringAsync("/metrics", ct);
        metrics.ShouldContain("http_server_request_duration_seconds");
        metrics.ShouldContain("kestrel_active_connections");
        // Recorded on every block a socket write rents and returns: dropped, so never enabled (ServiceDefaults).
        metrics.ShouldNotContain("aspnetcore_memory_pool");

        var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", ct)).RootElement;
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/sessions");
        paths.ShouldAllBe(p => p.StartsWith("/api/", StringComparison.Ordinal));

        (await http.GetStringAsync("/api/reference", ct)).ShouldContain("LiveHire API");
    }

    [Fact]
    public async Task Scripts_go_compressed_and_fingerprinted_ones_are_cached_for_a_year()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        var html = await http.GetStringAsync("/", ct);
        var cssUrl = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        cssUrl.ShouldNotBeEmpty("the layout links the stylesheet with a content hash");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/live-room.js");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var script = await http.SendAsync(request, ct);
        script.EnsureSuccessStatusCode();
        script.Content.Headers.ContentEncoding.ShouldContain("br");
        (await script.Content.ReadAsByteArrayAsync(ct)).Length.ShouldBeLessThan(30_000, "the bundle is about 64 KB before compression");

        using var css = await http.GetAsync(cssUrl, ct);
        css.Headers.CacheControl!.ToString().ShouldContain("immutable");
    }

    [Fact]
    public async Task Logs_are_json_lines_with_the_request_id()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        var marker = $"/api/v1/sessions?take={Random.Shared.Next(100, 199)}";
        (await http.GetAsync(marker, ct)).EnsureSuccessStatusCode();

        await Eventually(() => Task.FromResult(app.Deployment.Logs.Contains(marker.Split('?')[1], StringComparison.Ordinal)), ct);
        var line = app.Deployment.Logs.Split('\n').First(l => l.Contains(marker.Split('?')[1], StringComparison.Ordinal) && l.StartsWith('{'));
        var entry = JsonDocument.Parse(line).RootElement;
        var scopes = entry.GetProperty("Scopes").EnumerateArray().ToList();
        var scopeNames = scopes.Where(s => s.ValueKind == JsonValueKind.Object).SelectMany(s => s.EnumerateObject().Select(p => p.Name)).ToList();
        scopeNames.ShouldContain("RequestId");
        scopeNames.ShouldContain("TraceId");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect, "/Account/Login")]
    [InlineData(People.Candidate, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(People.Organizer, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(People.Recruiter, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(People.Admin, HttpStatusCode.OK, null)]
    public async Task Jobs_dashboard_is_for_admins_only(string? who, HttpStatusCode expected, string? redirectTo)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.GetAsync("/admin/jobs", ct);

        response.StatusCode.ShouldBe(expected);
        if (redirectTo is not null) new Uri(app.BaseUrl, response.Headers.Location!).AbsolutePath.ShouldBe(redirectTo, StringCompareShould.IgnoreCase);
        else (await response.Content.ReadAsStringAsync(ct)).ShouldContain("LiveHire jobs");
    }

    private static async Task Eventually(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(250, ct);
        }
        (await condition()).ShouldBeTrue("the condition did not become true within 30 s");
    }
}

using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>A Distributed deployment (nginx with the RTMP module in front of Realtime) shared by the RTMP tests.</summary>
public sealed class RtmpDeploymentFixture(TestServers servers) : IAsyncLifetime
{
    public Deployment Deployment { get; private set; } = null!;
    public NginxRtmp Rtmp => Deployment.Rtmp!;

    public async ValueTask InitializeAsync() => Deployment = await Deployment.StartAsync(Mode.Distributed, servers);

    public ValueTask DisposeAsync() => Deployment.DisposeAsync();
}

/// <summary>
/// OBS over RTMP: LiveHire issues one key per session to its hosts; nginx accepts a publish only when LiveHire says the
/// key is current, and cuts off a broadcaster whose key was rotated. Pushed with ffmpeg's test pattern, as OBS would.
/// </summary>
public sealed class RtmpIngestTests(RtmpDeploymentFixture app, BrowserFixture browser) : IClassFixture<RtmpDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static readonly TimeSpan PushLimit = TimeSpan.FromSeconds(45);

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.OtherRecruiter, HttpStatusCode.NotFound)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.OK)]
    public async Task Only_the_sessions_own_recruiters_may_get_its_stream_key(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await LiveSessionIdAsync(ct);
        using var client = who is null ? SignedInClient.Anonymous(app.Deployment.BaseUrl)
            : await SignedInClient.SignInAsync(app.Deployment.BaseUrl, who, People.Password, ct);

        using var issue = await client.Http.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/stream-key", new { }, ct);
        using var status = await client.Http.GetAsync($"/api/v1/sessions/{sessionId}/stream-key", ct);

        issue.StatusCode.ShouldBe(expected, await issue.Content.ReadAsStringAsync(ct));
        status.StatusCode.ShouldBe(expected);
        if (expected != HttpStatusCode.OK) return;
        var key = (await issue.Content.ReadFromJsonAsync<IssuedKey>(ct))!;
        key.Server.ShouldBe(app.Rtmp.PublishUrl);
        key.Key.ShouldMatch("^lh_[a-z2-9]{32}$");
        var shown = (await status.Content.ReadFromJsonAsync<KeyStatus>(ct))!;
        shown.RtmpEnabled.ShouldBeTrue();
        (await status.Content.ReadAsStringAsync(ct)).ShouldNotContain(key.Key, Case.Sensitive, "the key is shown once, when issued");
    }

    [Fact]
    public async Task Callbacks_without_nginxs_token_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = await IssueKeyAsync(await LiveSessionIdAsync(ct), ct);
        using var http = new HttpClient { BaseAddress = app.Deployment.RealtimeNodes[0].BaseUrl };

        foreach (var path in new[] { "/rtmp/on-publish", "/rtmp/wrong-token-0123456789/on-publish", $"/rtmp/{app.Rtmp.CallbackToken[..^1]}/on-publish" })
        {
            using var response = await http.GetAsync($"{path}?call=publish&name={key}", ct);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], path);
        }
        using var right = await http.GetAsync($"/rtmp/{app.Rtmp.CallbackToken}/on-publish?call=publish&name={key}", ct);
        right.IsSuccessStatusCode.ShouldBeTrue("nginx's own call, with the token, is answered");
    }

    [Fact]
    public async Task Obs_push_with_the_issued_key_is_accepted_and_wrong_or_rotated_keys_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await LiveSessionIdAsync(ct);
        var first = await IssueKeyAsync(sessionId, ct);

        var wrong = await Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/lh_{new string('a', 32)}", 3, PushLimit, ct);
        wrong.Succeeded.ShouldBeFalse("nginx must refuse a key LiveHire never issued");

        var push = Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{first}", 6, PushLimit, ct);
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var probe = await Ffmpeg.ProbeCodecsAsync($"{app.Rtmp.PublishUrl}/{first}", PushLimit, ct);
        var accepted = await push;
        accepted.Succeeded.ShouldBeTrue(accepted.Describe() + app.Deployment.Logs);
        probe.Output.ShouldContain("h264", Case.Sensitive, "the stream flows through nginx for LiveHire to read back: " + probe.Describe());

        var second = await IssueKeyAsync(sessionId, ct);
        second.ShouldNotBe(first);
        (await Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{first}", 3, PushLimit, ct)).Succeeded.ShouldBeFalse("a rotated key stops working");
        (await Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{second}", 2, PushLimit, ct)).Succeeded.ShouldBeTrue("the new key works");
    }

    [Fact]
    public async Task Rotating_the_key_cuts_off_a_broadcaster_still_using_the_old_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await LiveSessionIdAsync(ct);
        var old = await IssueKeyAsync(sessionId, ct);
        var started = DateTimeOffset.UtcNow;
        var push = Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{old}", 120, PushLimit, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        push.IsCompleted.ShouldBeFalse("the broadcast is running before the rotation");

        await IssueKeyAsync(sessionId, ct);

        var result = await push;
        result.Succeeded.ShouldBeFalse("nginx drops the publisher when LiveHire refuses its next check");
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30), "checks come every 10 s");
    }

    [Fact]
    public async Task Obs_stream_goes_live_and_reaches_viewers_as_hls_with_the_key_in_no_viewer_url()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await NewScheduledSessionAsync(ct);
        var key = await IssueKeyAsync(sessionId, ct);
        using var viewer = new HttpClient { BaseAddress = app.Deployment.BaseUrl };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var push = Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{key}", 15, PushLimit, stop.Token);
        var playlist = "";
        for (var tries = 0; tries < 40 && !playlist.Contains(".ts", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(500, ct);
            using var response = await viewer.GetAsync($"/video/{sessionId:N}/live.m3u8", ct);
            playlist = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : "";
        }

        playlist.ShouldContain(".ts", Case.Sensitive, "segments of the OBS stream are published for viewers\n" + app.Deployment.Logs);
        playlist.ShouldNotContain(key);
        var segment = playlist.Split('\n').First(l => l.EndsWith(".ts", StringComparison.Ordinal));
        using var media = await viewer.GetAsync($"/video/{sessionId:N}/{segment}", ct);
        media.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await media.Content.ReadAsByteArrayAsync(ct))[0].ShouldBe((byte)0x47, "an MPEG-TS segment starts with its sync byte");
        var sessions = await viewer.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct);
        sessions!.Single(s => s.Id == sessionId).Status.ShouldBe("Live", "for an OBS user, starting the stream is going live");
        await StopAsync(push, stop);
    }

    [Fact]
    public async Task When_the_ffmpeg_reading_an_obs_stream_dies_the_next_check_starts_a_new_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await NewScheduledSessionAsync(ct);
        var key = await IssueKeyAsync(sessionId, ct);
        using var viewer = new HttpClient { BaseAddress = app.Deployment.BaseUrl };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var push = Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{key}", 35, PushLimit, stop.Token);
        (await PollVodAsync(viewer, sessionId, v => v.Contains("001-", StringComparison.Ordinal), ct)).ShouldBeTrue(app.Deployment.Logs);

        System.Diagnostics.Process.GetProcessById(VideoStudio.FfmpegProcesses(sessionId).ShouldHaveSingleItem()).Kill();

        (await PollVodAsync(viewer, sessionId, v => v.Contains("#EXT-X-DISCONTINUITY", StringComparison.Ordinal) && v.Contains("002-", StringComparison.Ordinal), ct))
            .ShouldBeTrue("nginx checks every 10 s; LiveHire reads the stream again as the next epoch\n" + app.Deployment.Logs);
        VideoStudio.FfmpegProcesses(sessionId).Count.ShouldBe(1);
        await StopAsync(push, stop);
    }

    /// <summary>
    /// Ends a broadcast that has shown what it had to, as OBS's "stop streaming" would (its ffmpeg killed), rather than wait
    /// out the length it was started with; returns once ffmpeg is gone, so the next test starts without it.
    /// </summary>
    private static async Task StopAsync(Task<CommandResult> push, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        try { await push; }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    private static async Task<bool> PollVodAsync(HttpClient viewer, Guid sessionId, Func<string, bool> done, CancellationToken ct)
    {
        for (var until = DateTime.UtcNow.AddSeconds(25); DateTime.UtcNow < until; await Task.Delay(500, ct))
        {
            using var response = await viewer.GetAsync($"/video/{sessionId:N}/vod.m3u8", ct);
            if (response.IsSuccessStatusCode && done(await response.Content.ReadAsStringAsync(ct))) return true;
        }
        return false;
    }

    [Fact]
    public async Task Host_gets_the_obs_server_and_a_key_shown_once_in_the_studio()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await LiveSessionIdAsync(ct);
        var host = await browser.NewPersonAsync(app.Deployment.BaseUrl);
        host.Dialog += (_, dialog) => dialog.AcceptAsync();
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");

        await host.GetByTestId("obs-panel").Locator("summary").ClickAsync();
        await Assertions.Expect(host.GetByTestId("obs-server")).ToHaveTextAsync(app.Rtmp.PublishUrl);
        await host.GetByTestId("obs-issue").ClickAsync();
        var key = host.GetByTestId("obs-key");
        await Assertions.Expect(key).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^lh_[a-z2-9]{32}$"));
        var shown = await key.TextContentAsync();
        (await Ffmpeg.PushRtmpAsync($"{app.Rtmp.PublishUrl}/{shown}", 2, PushLimit, ct)).Succeeded.ShouldBeTrue("the key the studio shows is the one OBS needs");

        await host.ReloadAsync();
        await host.GetByTestId("obs-panel").Locator("summary").ClickAsync();
        await Assertions.Expect(host.GetByTestId("obs-body")).ToContainTextAsync("推流密钥生成于");
        await Assertions.Expect(host.GetByTestId("obs-key")).ToHaveCountAsync(0);
        (await host.ContentAsync()).ShouldNotContain(shown!);
        await Assertions.Expect(host.GetByTestId("obs-issue")).ToHaveTextAsync("换一个新密钥（旧密钥立即失效）");
    }

    private async Task<Guid> LiveSessionIdAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = app.Deployment.BaseUrl };
        var sessions = await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct);
        return sessions!.First(s => s.Status == "Live").Id;
    }

    private async Task<Guid> NewScheduledSessionAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = app.Deployment.BaseUrl };
        var live = (await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.First(s => s.Status == "Live");
        using var organizer = await SignedInClient.SignInAsync(app.Deployment.BaseUrl, People.Organizer, People.Password, ct);
        var now = DateTimeOffset.UtcNow;
        using var response = await organizer.Http.PostAsJsonAsync("/api/v1/sessions",
            new { employerId = live.EmployerId, title = $"OBS 直播 {Guid.NewGuid():N}"[..16], start = now.AddMinutes(5), end = now.AddHours(1) }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionRow>(ct))!.Id;
    }

    private async Task<string> IssueKeyAsync(Guid sessionId, CancellationToken ct)
    {
        using var host = await SignedInClient.SignInAsync(app.Deployment.BaseUrl, People.Recruiter, People.Password, ct);
        using var response = await host.Http.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/stream-key", new { }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedKey>(ct))!.Key;
    }

    private sealed record SessionRow(Guid Id, Guid EmployerId, string Status);
    private sealed record IssuedKey(string Server, string Key, DateTimeOffset IssuedAt, DateTimeOffset ValidUntil);
    private sealed record KeyStatus(bool RtmpEnabled, string Server, DateTimeOffset? IssuedAt);
}

using System.Net;
using System.Net.Http.Json;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>The replay of an ended session: archived by the real job server, played with seeking, hidden by its host.</summary>
public sealed class ReplayTests(ReplayFixture app, BrowserFixture browser) : IClassFixture<ReplayFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Page => $"/replay/{app.SessionId}";
    private string Video => $"/replay/{app.SessionId}/video.mp4";

    [Fact]
    public async Task Requested_recording_becomes_an_mp4_in_blob_storage_as_long_as_what_was_streamed()
    {
        await using var db = app.NewContext();
        var recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.SessionId == app.SessionId, Ct);
        var file = Path.Combine(app.Deployment.DataDirectory!, "blobs", "recordings", $"{app.SessionId:N}.mp4");

        File.Exists(file).ShouldBeTrue();
        new FileInfo(file).Length.ShouldBe(recording.SizeBytes!.Value);
        var seconds = await SegmentTimeline.ProbeSecondsAsync(file, Ct);
        seconds.ShouldBe(app.Timeline.TotalSeconds, app.Timeline.TotalSeconds * 0.1);
        recording.Duration!.Value.TotalSeconds.ShouldBe(seconds, 0.01);
        Directory.EnumerateFiles(Path.GetDirectoryName(file)!).Where(f => f.Contains("~block-") || f.EndsWith(".tmp", StringComparison.Ordinal))
            .ShouldBeEmpty("no staged blocks or temp files are left beside the MP4");
    }

    private const string Anonymous = "anonymous";

    public static TheoryData<string> Everyone => new() { Anonymous, People.Candidate, People.OtherRecruiter, People.Organizer, People.Admin, People.Recruiter };

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Visible_recording_plays_for_everyone(string who)
    {
        using var client = await ClientAsync(who);

        (await client.Http.GetAsync(Page, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var video = await client.Http.GetAsync(Video, Ct);
        video.StatusCode.ShouldBe(HttpStatusCode.OK);
        video.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        video.Headers.AcceptRanges.ShouldContain("bytes");
    }

    [Fact]
    public async Task Hidden_recording_is_not_found_for_everyone_but_its_hosts()
    {
        using var host = await ClientAsync(People.Recruiter);
        (await host.Http.PutAsJsonAsync($"/api/v1/sessions/{app.SessionId}/recording/hidden", new { hidden = true }, Ct)).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        try
        {
            foreach (var who in new[] { Anonymous, People.Candidate, People.OtherRecruiter, People.Organizer, People.Admin })
            {
                using var other = await ClientAsync(who);
                (await other.Http.GetAsync(Page, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"page for {who}");
                (await other.Http.GetAsync(Video, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"video for {who}");
                (await other.Http.GetStringAsync($"/live/{app.SessionId}", Ct)).ShouldNotContain("replay-link");
            }
            (await host.Http.GetStringAsync(Page, Ct)).ShouldContain("replay-hidden");
            (await host.Http.GetStringAsync($"/studio/{app.SessionId}", Ct)).ShouldContain("replay-hidden", customMessage: "the studio says so too");
            (await host.Http.GetAsync(Video, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Nor can the recording be watched from the live segments it was made of (checked every 5 s at most).
            var vod = $"/video/{app.SessionId:N}/vod.m3u8";
            using var viewer = SignedInClient.Anonymous(app.BaseUrl);
            var status = HttpStatusCode.OK;
            for (var until = DateTime.UtcNow.AddSeconds(8); DateTime.UtcNow < until && status != HttpStatusCode.NotFound; await Task.Delay(250, Ct))
                status = (await viewer.Http.GetAsync(vod, Ct)).StatusCode;
            status.ShouldBe(HttpStatusCode.NotFound);
            (await host.Http.GetAsync(vod, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            (await host.Http.PutAsJsonAsync($"/api/v1/sessions/{app.SessionId}/recording/hidden", new { hidden = false }, Ct)).StatusCode
                .ShouldBe(HttpStatusCode.NoContent);
        }
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetAsync(Video, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Studio_links_its_host_to_the_replay()
    {
        using var host = await ClientAsync(People.Recruiter);

        var studio = await host.Http.GetStringAsync($"/studio/{app.SessionId}", Ct);

        studio.ShouldContain($"href=\"/replay/{app.SessionId}\"");
        studio.ShouldNotContain("replay-hidden");
    }

    public static TheoryData<string, HttpStatusCode> NotHosts => new()
    {
        { Anonymous, HttpStatusCode.Unauthorized },
        { People.Candidate, HttpStatusCode.Forbidden },
        { People.OtherRecruiter, HttpStatusCode.Forbidden },
        { People.Organizer, HttpStatusCode.Forbidden },
        { People.Admin, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(NotHosts))]
    public async Task Only_a_host_can_hide_a_recording(string who, HttpStatusCode expected)
    {
        using var client = await ClientAsync(who);

        (await client.Http.PutAsJsonAsync($"/api/v1/sessions/{app.SessionId}/recording/hidden", new { hidden = true }, Ct)).StatusCode
            .ShouldBe(expected);

        await using var db = app.NewContext();
        (await db.Recordings.AsNoTracking().SingleAsync(r => r.SessionId == app.SessionId, Ct)).Hidden.ShouldBeFalse();
    }

    [Fact]
    public async Task Host_hides_and_shows_the_recording_with_the_replay_pages_button()
    {
        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter, Page);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        try
        {
            await host.GetByTestId("replay-toggle-hidden").ClickAsync();
            await Assertions.Expect(host.GetByTestId("replay-hidden")).ToBeVisibleAsync();
            (await anonymous.Http.GetAsync(Page, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            await host.GetByTestId("replay-toggle-hidden").ClickAsync();
            await Assertions.Expect(host.GetByTestId("replay-hidden")).ToHaveCountAsync(0);
            (await anonymous.Http.GetAsync(Page, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await using var db = app.NewContext();
            (await db.Recordings.AsNoTracking().SingleAsync(r => r.SessionId == app.SessionId, Ct)).Hidden.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Another_employers_recruiter_posting_the_pages_hide_form_is_refused()
    {
        using var other = await ClientAsync(People.OtherRecruiter);
        var token = await other.AntiforgeryTokenAsync("/", Ct);

        using var response = await other.Http.PostAsync($"{Page}?handler=Hidden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hidden"] = "true",
            ["__RequestVerificationToken"] = token,
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(app.BaseUrl, response.Headers.Location!).AbsolutePath.ShouldBe("/Account/AccessDenied", StringCompareShould.IgnoreCase);
        await using var db = app.NewContext();
        (await db.Recordings.AsNoTracking().SingleAsync(r => r.SessionId == app.SessionId, Ct)).Hidden.ShouldBeFalse();
    }

    [Fact]
    public async Task Range_request_returns_exactly_those_bytes()
    {
        using var client = SignedInClient.Anonymous(app.BaseUrl);
        var whole = await client.Http.GetByteArrayAsync(Video, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Video);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999);

        using var response = await client.Http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{whole.Length}");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(whole[1000..2000]);

        using var past = new HttpRequestMessage(HttpMethod.Get, Video);
        past.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(whole.Length, null);
        (await client.Http.SendAsync(past, Ct)).StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task Viewer_follows_the_rooms_replay_link_and_seeks_forward_in_the_video()
    {
        var viewer = await browser.NewPersonAsync(app.BaseUrl);
        await viewer.GotoAsync($"/live/{app.SessionId}");
        await viewer.GetByTestId("replay-link").ClickAsync();
        await Assertions.Expect(viewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/replay/{app.SessionId}$"));

        var video = viewer.GetByTestId("replay-video");
        await viewer.WaitForFunctionAsync("() => document.querySelector('[data-testid=replay-video]').readyState >= 1");
        (await video.EvaluateAsync<double>("v => v.duration")).ShouldBe(app.Timeline.TotalSeconds, app.Timeline.TotalSeconds * 0.1);

        await video.EvaluateAsync("async v => { v.muted = true; v.currentTime = 9; await v.play(); }");

        // The player jumped past the first epoch and keeps playing from there.
        await viewer.WaitForFunctionAsync("() => { const v = document.querySelector('[data-testid=replay-video]'); return !v.paused && v.currentTime > 9.5; }");
        (await video.EvaluateAsync<double>("v => v.currentTime")).ShouldBeGreaterThan(9.5);
    }

    private async Task<SignedInClient> ClientAsync(string who) =>
        who == Anonymous ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>Browser-style video ingest over HTTP into the real ffmpeg, in Embedded mode (docs/realtime.md, "Live video").</summary>
public sealed class VideoIngestTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Session, SignedInClient Host, LiveHubClient HostHub)> LiveSessionAsync()
    {
        var sessionId = await VideoStudio.ScheduleSessionAsync(app.BaseUrl, Ct);
        var host = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        var hostHub = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, Ct);
        var live = await hostHub.GoLiveAsync(sessionId);
        live.Ok.ShouldBeTrue(live.Error?.Message);
        live.Value!.State.ShouldBe("StartingSoon");
        return (sessionId, host, hostHub);
    }

    [Fact]
    public async Task Only_the_sessions_host_may_go_live_end_or_push_video()
    {
        var sessionId = await VideoStudio.ScheduleSessionAsync(app.BaseUrl, Ct);
        var chunk = (await VideoStudio.ClipAsync(Ct))[..1000];
        (string? Email, HttpStatusCode Status, string Code)[] others =
        [
            (null, HttpStatusCode.Unauthorized, "auth.required"),
            (People.Candidate, HttpStatusCode.Forbidden, "forbidden"),
            (People.OtherRecruiter, HttpStatusCode.Forbidden, "forbidden"),
            (People.Organizer, HttpStatusCode.Forbidden, "forbidden"),
            (People.Admin, HttpStatusCode.Forbidden, "forbidden"),
        ];
        foreach (var (email, status, code) in others)
        {
            await using var hub = await LiveHubClient.ConnectAsync(app.BaseUrl, email, Ct);
            (await hub.GoLiveAsync(sessionId)).Error!.Code.ShouldBe(code, email);
            (await hub.EndSessionAsync(sessionId)).Error!.Code.ShouldBe(code, email);
            using var person = email is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, email, People.Password, Ct);
            foreach (var response in new[] { await VideoStudio.StartEpochAsync(person.Http, sessionId, Ct), await VideoStudio.PushAsync(person.Http, sessionId, 1, 0, chunk, Ct) })
            {
                response.StatusCode.ShouldBe(status, email);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Code.ShouldBe(code, email);
            }
        }

        // The host too must go live first.
        using var host = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        using var early = await VideoStudio.StartEpochAsync(host.Http, sessionId, Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Code.ShouldBe("conflict.session.not_live");
        VideoStudio.FfmpegProcesses(sessionId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Repeated_and_out_of_order_chunks_make_one_whole_stream_and_ending_closes_the_recording()
    {
        var (sessionId, host, hostHub) = await LiveSessionAsync();
        await using var viewer = await LiveHubClient.ConnectAsync(app.BaseUrl, null, Ct);
        var states = viewer.Events<VideoStateView>("VideoStateChanged");
        (await viewer.JoinAsync(sessionId)).Value!.Video.State.ShouldBe("StartingSoon");
        var chunks = VideoStudio.Chunks(await VideoStudio.ClipAsync(Ct), 8);
        var epoch = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);

        // 1 before 0, 3 before 2, and every other chunk sent twice (a retried POST whose first try arrived).
        long[] order = [1, 0, 0, 3, 2, 2, 4, 5, 4, 6, 7, 7];
        var duplicates = new List<bool>();
        foreach (var sequence in order)
        {
            using var response = await VideoStudio.PushAsync(host.Http, sessionId, epoch, sequence, chunks[(int)sequence], Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            duplicates.Add((await response.Content.ReadFromJsonAsync<ChunkAccepted>(Ct))!.Duplicate);
        }
        duplicates.ShouldBe([false, false, true, false, false, true, false, false, true, false, false, true]);

        await VideoStudio.WaitForPlaylistAsync(host.Http, sessionId, "live.m3u8", p => VideoStudio.Segments(p).Length >= 2, Ct);
        (await states.Reader.ReadAsync(Ct)).State.ShouldBe("Live");
        (await viewer.JoinAsync(sessionId)).Value!.Video.State.ShouldBe("Live", "a late joiner learns the state from the snapshot");
        VideoStudio.FfmpegProcesses(sessionId).Count.ShouldBe(1);

        var ended = await hostHub.EndSessionAsync(sessionId);
        ended.Ok.ShouldBeTrue(ended.Error?.Message);
        (await states.Reader.ReadAsync(Ct)).State.ShouldBe("Ended");
        using var vodResponse = await host.Http.GetAsync($"/video/{sessionId:N}/vod.m3u8", Ct);
        vodResponse.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromSeconds(1));
        var vod = await vodResponse.Content.ReadAsStringAsync(Ct);
        vod.TrimEnd().ShouldEndWith("#EXT-X-ENDLIST");
        VideoStudio.FfmpegProcesses(sessionId).ShouldBeEmpty();

        // Nothing lost, nothing doubled: the segments play as long as the clip (4 s).
        var segments = new List<byte[]>();
        foreach (var name in VideoStudio.Segments(vod))
        {
            using var segment = await host.Http.GetAsync($"/video/{sessionId:N}/{name}", Ct);
            segment.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp2t");
            segment.Headers.CacheControl!.ToString().ShouldContain("immutable");
            segments.Add(await segment.Content.ReadAsByteArrayAsync(Ct));
        }
        (await VideoStudio.DurationAsync(segments, Ct)).ShouldBeInRange(3.6, 4.4);
        host.Dispose();
        await hostHub.DisposeAsync();
    }

    [Fact]
    public async Task Killed_ffmpeg_is_replaced_by_a_new_epoch_and_the_playlist_continues()
    {
        var (sessionId, host, hostHub) = await LiveSessionAsync();
        var chunks = VideoStudio.Chunks(await VideoStudio.ClipAsync(Ct), 8);
        var first = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);
        await VideoStudio.PushAllAsync(host.Http, sessionId, first, chunks.Select((c, i) => ((long)i, c)).Take(6), Ct);
        await VideoStudio.WaitForPlaylistAsync(host.Http, sessionId, "live.m3u8", p => VideoStudio.Segments(p).Length >= 2, Ct);

        Process.GetProcessById(VideoStudio.FfmpegProcesses(sessionId).ShouldHaveSingleItem()).Kill();
        await Task.Delay(300, Ct);
        using (var refused = await VideoStudio.PushAsync(host.Http, sessionId, first, 6, chunks[6], Ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Code.ShouldBe("conflict.video.epoch_over");
        }

        var second = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);
        second.ShouldBe(first + 1);
        await VideoStudio.PushAllAsync(host.Http, sessionId, second, chunks.Select((c, i) => ((long)i, c)), Ct);
        var live = await VideoStudio.WaitForPlaylistAsync(host.Http, sessionId, "vod.m3u8", p => p.Contains("002-000001.ts"), Ct);

        live.ShouldContain("#EXT-X-DISCONTINUITY\n#EXTINF");
        live.IndexOf("001-000000.ts", StringComparison.Ordinal).ShouldBeLessThan(live.IndexOf("002-000000.ts", StringComparison.Ordinal));
        (await hostHub.EndSessionAsync(sessionId)).Ok.ShouldBeTrue();
        host.Dispose();
        await hostHub.DisposeAsync();
    }

    [Fact]
    public async Task Viewers_see_reconnecting_when_the_broadcaster_goes_silent_and_live_when_it_returns()
    {
        var (sessionId, host, hostHub) = await LiveSessionAsync();
        await using var viewer = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, Ct);
        var states = viewer.Events<VideoStateView>("VideoStateChanged");
        await viewer.JoinAsync(sessionId);
        var chunks = VideoStudio.Chunks(await VideoStudio.ClipAsync(Ct), 8);
        var epoch = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);
        await VideoStudio.PushAllAsync(host.Http, sessionId, epoch, chunks.Select((c, i) => ((long)i, c)), Ct);
        (await states.Reader.ReadAsync(Ct)).State.ShouldBe("Live");

        var silentSince = Stopwatch.StartNew();
        (await states.Reader.ReadAsync(Ct)).State.ShouldBe("Reconnecting");
        silentSince.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
        (await viewer.JoinAsync(sessionId)).Value!.Video.State.ShouldBe("Reconnecting");

        // The broadcaster reloads its studio: a new recorder, a new epoch, and the picture is back.
        var next = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);
        await VideoStudio.PushAllAsync(host.Http, sessionId, next, chunks.Select((c, i) => ((long)i, c)), Ct);
        (await states.Reader.ReadAsync(Ct)).State.ShouldBe("Live");
        (await hostHub.EndSessionAsync(sessionId)).Ok.ShouldBeTrue();
        host.Dispose();
        await hostHub.DisposeAsync();
    }

    [Fact]
    public async Task Only_video_file_names_are_served()
    {
        using var anyone = SignedInClient.Anonymous(app.BaseUrl);
        var sessionId = Guid.NewGuid();
        foreach (var name in new[] { "live.m3u8", "001-000000.ts", "secret.key", "..%2Flivehire.db" })
        {
            using var response = await anyone.Http.GetAsync($"/video/{sessionId:N}/{name}", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, name);
        }
    }
}

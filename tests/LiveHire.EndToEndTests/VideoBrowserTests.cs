using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>
/// The host broadcasts from the studio with chromium's fake camera; a viewer's player shows it live, keeps playing
/// through an ffmpeg crash, then shows it ended.
/// </summary>
public sealed class VideoBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_broadcasts_from_the_studio_and_the_viewers_video_plays_live_through_an_ffmpeg_crash()
    {
        var sessionId = await VideoStudio.ScheduleSessionAsync(app.BaseUrl, Ct);
        var viewer = await browser.NewPersonAsync(app.BaseUrl);
        await viewer.GotoAsync($"/live/{sessionId}");
        await Assertions.Expect(viewer.GetByTestId("video-state")).ToHaveTextAsync("直播即将开始，请稍候");

        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");
        await Assertions.Expect(host.GetByTestId("broadcast-status")).ToHaveTextAsync("预览中，观众还看不到你");
        await Assertions.Expect(host.GetByTestId("broadcast-camera").Locator("option")).Not.ToHaveCountAsync(0);
        await host.GetByTestId("broadcast-start").ClickAsync();
        await Assertions.Expect(host.GetByTestId("broadcast-status")).ToHaveTextAsync("正在直播，观众可以看到你");

        await Assertions.Expect(viewer.GetByTestId("video-panel")).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 20_000 });
        var video = viewer.GetByTestId("live-video");
        await viewer.WaitForFunctionAsync("() => document.getElementById('live-video').currentTime > 1", null, new() { Timeout = 20_000 });
        var before = await video.EvaluateAsync<double>("v => v.currentTime");
        await viewer.WaitForTimeoutAsync(1500);
        (await video.EvaluateAsync<double>("v => v.currentTime")).ShouldBeGreaterThan(before + 0.5, "the picture keeps moving");

        // ffmpeg dies mid-stream: the studio starts a new epoch by itself and the viewer's picture goes on, no reload.
        System.Diagnostics.Process.GetProcessById(VideoStudio.FfmpegProcesses(sessionId).ShouldHaveSingleItem()).Kill();
        var atKill = await video.EvaluateAsync<double>("v => v.currentTime");
        using var anyone = LiveHire.Testing.SignedInClient.Anonymous(app.BaseUrl);
        await VideoStudio.WaitForPlaylistAsync(anyone.Http, sessionId, "live.m3u8", p => p.Contains("002-000002.ts"), Ct);
        await viewer.WaitForFunctionAsync($"() => document.getElementById('live-video').currentTime > {atKill + 4}", null, new() { Timeout = 20_000 });

        host.Dialog += (_, dialog) => dialog.AcceptAsync();
        await host.GetByTestId("session-end").ClickAsync();
        await Assertions.Expect(host.GetByTestId("broadcast-status")).ToHaveTextAsync("本场直播已结束", VideoStudio.Ending);
        await Assertions.Expect(viewer.GetByTestId("video-state")).ToHaveTextAsync("本场直播已结束", VideoStudio.Ending);
    }
}

/// <summary>
/// The recorder formats other than WebM H.264: a browser that cannot record H.264 sends VP8, which the server
/// encodes with x264; one that records H.264 only in MP4 (as Safari does, there with AAC, which this chromium
/// cannot encode) has it copied. Either way the viewer's picture moves.
/// </summary>
public sealed class VideoRecorderFormatTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("video/webm;codecs=vp8,opus", "libx264")]
    [InlineData("video/mp4;codecs=avc1,opus", "copy")]
    public async Task A_broadcast_in_another_recorder_format_plays_for_viewers(string onlySupportedType, string videoCodec)
    {
        var sessionId = await VideoStudio.ScheduleSessionAsync(app.BaseUrl, Ct);
        var host = await browser.NewPersonAsync(app.BaseUrl);
        // The browser says it can record only this one type, as a phone without H.264 WebM (or Safari) does.
        await host.AddInitScriptAsync($$"""
            (() => {
              const only = {{System.Text.Json.JsonSerializer.Serialize(onlySupportedType)}};
              const real = MediaRecorder.isTypeSupported.bind(MediaRecorder);
              MediaRecorder.isTypeSupported = type => type === only && real(type);
            })();
            """);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");
        (await host.EvaluateAsync<bool>($"() => MediaRecorder.isTypeSupported('{onlySupportedType}')"))
            .ShouldBeTrue($"this chromium must record {onlySupportedType} for the test to mean anything");
        await Assertions.Expect(host.GetByTestId("broadcast-camera").Locator("option")).Not.ToHaveCountAsync(0);
        await host.GetByTestId("broadcast-start").ClickAsync();
        await Assertions.Expect(host.GetByTestId("broadcast-status")).ToHaveTextAsync("正在直播，观众可以看到你");

        var ffmpeg = VideoStudio.FfmpegProcesses(sessionId).ShouldHaveSingleItem();
        var arguments = File.ReadAllText($"/proc/{ffmpeg}/cmdline").Split('\0');
        arguments[Array.IndexOf(arguments, "-c:v") + 1].ShouldBe(videoCodec);

        var viewer = await browser.NewPersonAsync(app.BaseUrl);
        await viewer.GotoAsync($"/live/{sessionId}");
        // Live comes with the first segment. Re-encoding VP8 to H.264 waits for its first key frame on a machine that, early in
        // the test command, also runs the integration tests: in a clean-clone run on 2026-12-07 that took over 20 s (the other
        // 383 end-to-end tests passed), so the re-encoding case gets longer. The copy case keeps the tighter bound.
        await Assertions.Expect(viewer.GetByTestId("video-panel")).ToHaveAttributeAsync("data-state", "Live",
            new() { Timeout = videoCodec == "copy" ? 20_000 : 45_000 });
        await viewer.WaitForFunctionAsync("() => document.getElementById('live-video').currentTime > 1", null, new() { Timeout = 30_000 });
        var video = viewer.GetByTestId("live-video");
        var before = await video.EvaluateAsync<double>("v => v.currentTime");
        await viewer.WaitForFunctionAsync($"() => document.getElementById('live-video').currentTime > {before + 1}", null, new() { Timeout = 20_000 });
        (await video.EvaluateAsync<int>("v => v.videoWidth")).ShouldBeGreaterThan(0, "a picture, not only sound");

        host.Dialog += (_, dialog) => dialog.AcceptAsync();
        await host.GetByTestId("session-end").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("video-state")).ToHaveTextAsync("本场直播已结束", VideoStudio.Ending);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>Live video and the process around it: no ffmpeg outlives the host, and a machine without ffmpeg still runs the room.</summary>
public sealed class VideoHostingTests(BrowserFixture browser) : IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_ffmpeg_outlives_the_host_that_started_it()
    {
        await using var deployment = await Deployment.StartAsync(Mode.Embedded, servers: null, Ct);
        var sessionId = await VideoStudio.ScheduleSessionAsync(deployment.BaseUrl, Ct);
        await using var hostHub = await LiveHubClient.ConnectAsync(deployment.BaseUrl, People.Recruiter, Ct);
        (await hostHub.GoLiveAsync(sessionId)).Ok.ShouldBeTrue();
        using var host = await SignedInClient.SignInAsync(deployment.BaseUrl, People.Recruiter, People.Password, Ct);
        var epoch = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, Ct);
        var chunks = VideoStudio.Chunks(await VideoStudio.ClipAsync(Ct), 8);
        await VideoStudio.PushAllAsync(host.Http, sessionId, epoch, chunks.Select((c, i) => ((long)i, c)).Take(4), Ct);
        var ffmpeg = Process.GetProcessById(VideoStudio.FfmpegProcesses(sessionId).ShouldHaveSingleItem());
        var web = Process.GetProcessById(ParentOf(ffmpeg.Id));

        // The host is asked to stop (SIGTERM, as systemd or a container runtime does), mid-stream.
        using (var kill = Process.Start("kill", ["-TERM", web.Id.ToString()])) await kill.WaitForExitAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await web.WaitForExitAsync(timeout.Token);

        ffmpeg.WaitForExit(TimeSpan.FromSeconds(5)).ShouldBeTrue("ffmpeg still runs after its host stopped");
        VideoStudio.FfmpegProcesses(sessionId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_ffmpeg_the_studio_says_how_to_install_it_and_questions_still_work()
    {
        await using var deployment = await Deployment.StartAsync(Mode.Embedded, servers: null, Ct,
            extraSettings: new Dictionary<string, string> { ["LiveHire__Video__FfmpegPath"] = "/nonexistent/bin/ffmpeg" });
        using (var ready = await new HttpClient { BaseAddress = deployment.BaseUrl }.GetAsync("/health/ready", Ct))
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sessionId = await VideoStudio.ScheduleSessionAsync(deployment.BaseUrl, Ct);

        var studio = await browser.NewPersonAsync(deployment.BaseUrl);
        await People.SignInAsync(studio, People.Recruiter);
        await studio.GotoAsync($"/studio/{sessionId}");
        await Assertions.Expect(studio.GetByTestId("ffmpeg-missing")).ToContainTextAsync("sudo apt-get install ffmpeg");
        await Assertions.Expect(studio.GetByTestId("ffmpeg-missing")).ToContainTextAsync("问答和投递简历照常可用");
        await Assertions.Expect(studio.GetByTestId("broadcast-start")).ToHaveCountAsync(0);

        await using var hostHub = await LiveHubClient.ConnectAsync(deployment.BaseUrl, People.Recruiter, Ct);
        (await hostHub.GoLiveAsync(sessionId)).Ok.ShouldBeTrue("going live needs no ffmpeg: the room still opens");
        using var host = await SignedInClient.SignInAsync(deployment.BaseUrl, People.Recruiter, People.Password, Ct);
        using var refused = await VideoStudio.StartEpochAsync(host.Http, sessionId, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await refused.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Code.ShouldBe("video.unavailable");

        await using var candidate = await LiveHubClient.ConnectAsync(deployment.BaseUrl, People.Candidate, Ct);
        await candidate.JoinAsync(sessionId);
        var asked = await candidate.AskAsync(sessionId, "没有视频也能提问吗？");
        asked.Ok.ShouldBeTrue(asked.Error?.Message);
    }

    private static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }
}

using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>One-tap apply over real HTTP: one application however often the tap comes, own resumes only, hosts told live.</summary>
public sealed class ApplyTests(EmbeddedDeploymentFixture app, TestServers servers) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Fact]
    public async Task Repeated_apply_creates_one_application()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Pdf(), "简历.pdf", ct);

        using var first = await ResumeApi.ApplyAsync(candidate, demo.Packer, resume.Id, demo.LiveSessionId, ct);
        using var again = await ResumeApi.ApplyAsync(candidate, demo.Packer, resume.Id, demo.LiveSessionId, ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(ct));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a repeated tap returns the application already made");
        (await again.Content.ReadFromJsonAsync<ApplicationRow>(ct))!.Id.ShouldBe((await first.Content.ReadFromJsonAsync<ApplicationRow>(ct))!.Id);

        // Taps racing each other (a retrying network, a double tap) still make one application.
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ResumeApi.ApplyAsync(candidate, demo.Clerk, null, null, ct)));
        var ids = await Task.WhenAll(racing.Select(async r => (r.StatusCode, (await r.Content.ReadFromJsonAsync<ApplicationRow>(ct))!.Id)));
        ids.Select(x => x.Id).Distinct().Count().ShouldBe(1);
        ids.Count(x => x.StatusCode == HttpStatusCode.Created).ShouldBeLessThanOrEqualTo(1);
        var mine = (await candidate.Http.GetFromJsonAsync<List<ApplicationRow>>("/api/v1/applications/mine", ct))!;
        mine.Count(a => a.JobId == demo.Clerk).ShouldBe(1);
        mine.Count(a => a.JobId == demo.Packer).ShouldBe(1);
    }

    [Fact]
    public async Task Another_candidates_resume_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var other = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, ct);
        var theirs = await ResumeApi.UploadOkAsync(other, SampleFiles.Pdf(), "别人的简历.pdf", ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);

        using var response = await ResumeApi.ApplyAsync(candidate, demo.Piecework, theirs.Id, null, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ResumeApi.ProblemCodeAsync(response, ct)).ShouldBe("not_found");
        (await candidate.Http.GetFromJsonAsync<List<ApplicationRow>>("/api/v1/applications/mine", ct))!.ShouldNotContain(a => a.JobId == demo.Piecework);
    }

    [Fact]
    public async Task Only_candidates_apply_and_only_to_jobs_of_the_sessions_employer()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, ct);

        (await ResumeApi.ApplyAsync(anonymous, demo.Packer, null, null, ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ResumeApi.ApplyAsync(recruiter, demo.Packer, null, null, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ResumeApi.ApplyAsync(candidate, Guid.NewGuid(), null, null, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var mismatch = await ResumeApi.ApplyAsync(candidate, demo.LogisticsJob, null, demo.LiveSessionId, ct);
        mismatch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ResumeApi.ProblemCodeAsync(mismatch, ct)).ShouldBe("validation.application.session");
    }

    [Fact]
    public async Task Application_from_the_room_reaches_the_hosts_live_and_no_viewer()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        await using var host = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var viewer = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var toHost = host.Events<ApplicationView>("ApplicationReceived");
        var toViewer = viewer.Events<ApplicationView>("ApplicationReceived");
        await host.JoinAsync(demo.LiveSessionId);
        await viewer.JoinAsync(demo.LiveSessionId);

        var application = await ApplyFromRoomAsync(app.BaseUrl, demo, demo.Piecework, ct);

        var received = await LiveHubAuthorizationTests.ReadUntilAsync(toHost, a => a.ApplicationId == application.Id, ct);
        (received.CandidateName, received.JobTitle, received.HasResume, received.SessionId).ShouldBe(("刘大明", "手工串签（居家计件）", true, demo.LiveSessionId));
        await Task.Delay(500, ct);
        toViewer.Reader.Count.ShouldBe(0, "applications go to the hosts' group only");
    }

    [Fact]
    public async Task Application_from_the_room_reaches_a_host_on_another_node_in_distributed_mode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Deployment.StartAsync(Mode.Distributed, servers, ct, realtimeNodes: 2);
        var demo = await DemoIds.LoadAsync(cluster.BaseUrl, ct);
        await using var hostOnB = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Recruiter, ct, hubBaseUrl: cluster.RealtimeNodes[1].BaseUrl);
        var toHost = hostOnB.Events<ApplicationView>("ApplicationReceived");
        (await hostOnB.JoinAsync(demo.LiveSessionId)).Value!.IsHost.ShouldBeTrue();

        // Web (behind nginx) stores the application and appends the event to the Redis stream; a Realtime node relays it.
        var application = await ApplyFromRoomAsync(cluster.BaseUrl, demo, demo.Packer, ct);

        var received = await LiveHubAuthorizationTests.ReadUntilAsync(toHost, a => a.ApplicationId == application.Id, ct);
        (received.CandidateName, received.JobTitle).ShouldBe(("刘大明", "食品包装工"));
        await Task.Delay(1000, ct);
        toHost.Reader.Count.ShouldBe(0, "delivered once");
    }

    private static async Task<ApplicationRow> ApplyFromRoomAsync(Uri baseUrl, DemoIds demo, Guid jobId, CancellationToken ct)
    {
        using var candidate = await SignedInClient.SignInAsync(baseUrl, ResumeApi.OtherCandidate, People.Password, ct);
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Png(), "刘大明.png", ct);
        using var response = await ResumeApi.ApplyAsync(candidate, jobId, resume.Id, demo.LiveSessionId, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<ApplicationRow>(ct))!;
    }
}

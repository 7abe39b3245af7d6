using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

public sealed record ApplicationStatusView(Guid ApplicationId, Guid JobId, string JobTitle, string EmployerName, string Status, string? Reason,
    DateTimeOffset ChangedAt);
public sealed record BoardCardRow(Guid Id, Guid JobId, string JobTitle, string CandidateName, bool HasResume, string Status, string? Reason, int Notes);
public sealed record MyApplicationRow(Guid Id, Guid JobId, string Status, string? Reason);

/// <summary>The hiring board over real HTTP and SignalR: the employer's recruiters move applications, the candidate sees each change live.</summary>
public sealed class HiringBoardTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ApplyAsync(string candidate, Guid jobId, Guid? resumeId = null)
    {
        using var client = await SignedInClient.SignInAsync(app.BaseUrl, candidate, People.Password, Ct);
        using var response = await ResumeApi.ApplyAsync(client, jobId, resumeId, null, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ApplicationRow>(Ct))!.Id;
    }

    private static Task<HttpResponseMessage> MoveAsync(SignedInClient client, Guid applicationId, string status, string? reason = null) =>
        client.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/status", new { status, reason }, Ct);

    [Fact]
    public async Task Recruiter_moves_an_application_to_interview_and_the_candidate_sees_each_step_live()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        await using var candidateHub = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, Ct);
        var changes = candidateHub.Events<ApplicationStatusView>("ApplicationStatusChanged");
        await using var otherHub = await LiveHubClient.ConnectAsync(app.BaseUrl, ResumeApi.OtherCandidate, Ct);
        var othersChanges = otherHub.Events<ApplicationStatusView>("ApplicationStatusChanged");
        var applicationId = await ApplyAsync(People.Candidate, demo.Packer);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);

        using var opened = await recruiter.Http.PostAsync($"/api/v1/applications/{applicationId}/open", null, Ct);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var interview = await MoveAsync(recruiter, applicationId, "Interview");
        interview.StatusCode.ShouldBe(HttpStatusCode.OK, await interview.Content.ReadAsStringAsync(Ct));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var viewed = await changes.Reader.ReadAsync(timeout.Token);
        var invited = await changes.Reader.ReadAsync(timeout.Token);
        (viewed.ApplicationId, viewed.Status).ShouldBe((applicationId, "Viewed"));
        (invited.Status, invited.JobTitle, invited.EmployerName).ShouldBe(("Interview", "食品包装工", People.FoodEmployer));
        othersChanges.Reader.TryRead(out _).ShouldBeFalse("another candidate hears nothing of it");
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, Ct);
        var mine = (await candidate.Http.GetFromJsonAsync<List<MyApplicationRow>>("/api/v1/applications/mine", Ct))!;
        mine.Single(a => a.Id == applicationId).Status.ShouldBe("Interview");
        var board = (await recruiter.Http.GetFromJsonAsync<List<BoardCardRow>>($"/api/v1/employers/{demo.FoodEmployerId}/applications?status=Interview", Ct))!;
        board.ShouldContain(c => c.Id == applicationId && c.CandidateName == "陈小红");
    }

    [Fact]
    public async Task A_candidate_who_chose_email_gets_the_interview_invitation_by_email()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, Ct); // an e-mail address, no phone
        (await candidate.Http.PutAsJsonAsync("/api/v1/me/settings", new { sms = false, email = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var applied = await ResumeApi.ApplyAsync(candidate, demo.Clerk, null, null, Ct);
        var applicationId = (await applied.Content.ReadFromJsonAsync<ApplicationRow>(Ct))!.Id;
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);

        (await MoveAsync(recruiter, applicationId, "Interview")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var admin = await SignedInClient.SignInAsync(app.BaseUrl, People.Admin, People.Password, Ct);
        var outbox = await admin.Http.GetStringAsync("/admin/outbox", Ct);
        outbox.ShouldContain("面试邀请");
        outbox.ShouldContain("邀请您面试「门店营业员（宝妈岗）」");
    }

    [Fact]
    public async Task Board_filters_by_job_and_search_keeps_notes_and_refuses_going_backwards()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        var applicationId = await ApplyAsync(ResumeApi.OtherCandidate, demo.Piecework);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);

        using var note = await recruiter.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/notes", new { text = "电话沟通过，周三可到岗" }, Ct);
        note.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(recruiter, applicationId, "Offer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var backwards = await MoveAsync(recruiter, applicationId, "Shortlisted");
        backwards.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ResumeApi.ProblemCodeAsync(backwards, Ct)).ShouldBe("conflict.application.backwards");
        using var noReason = await MoveAsync(recruiter, applicationId, "Rejected");
        (await ResumeApi.ProblemCodeAsync(noReason, Ct)).ShouldBe("validation.application.reason");

        var byJob = (await recruiter.Http.GetFromJsonAsync<List<BoardCardRow>>($"/api/v1/employers/{demo.FoodEmployerId}/applications?jobId={demo.Piecework}", Ct))!;
        byJob.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Status.ShouldBe("Offer"), c => c.Notes.ShouldBe(1));
        var byName = (await recruiter.Http.GetFromJsonAsync<List<BoardCardRow>>($"/api/v1/employers/{demo.FoodEmployerId}/applications?q=刘大明", Ct))!;
        byName.ShouldAllBe(c => c.CandidateName == "刘大明");
        byName.ShouldContain(c => c.Id == applicationId);
    }

    [Fact]
    public async Task Bulk_reject_tells_each_candidate_the_message_and_skips_other_employers_applications()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        await using var candidateHub = await LiveHubClient.ConnectAsync(app.BaseUrl, ResumeApi.OtherCandidate, Ct);
        var changes = candidateHub.Events<ApplicationStatusView>("ApplicationStatusChanged");
        var ours = await ApplyAsync(ResumeApi.OtherCandidate, demo.Clerk);
        var theirs = await ApplyAsync(ResumeApi.OtherCandidate, demo.LogisticsJob);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);

        using var response = await recruiter.Http.PostAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/applications/reject",
            new { applicationIds = new[] { ours, theirs }, message = "岗位已招满，感谢关注" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<RejectedRow>(Ct)).ShouldBe(new RejectedRow(1, 1));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var told = await changes.Reader.ReadAsync(timeout.Token);
        (told.ApplicationId, told.Status, told.Reason).ShouldBe((ours, "Rejected", "岗位已招满，感谢关注"));
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, Ct);
        var mine = (await candidate.Http.GetFromJsonAsync<List<MyApplicationRow>>("/api/v1/applications/mine", Ct))!;
        mine.Single(a => a.Id == theirs).Status.ShouldBe("Submitted", "another employer's application is not this recruiter's to reject");
        mine.Single(a => a.Id == ours).Reason.ShouldBe("岗位已招满，感谢关注");
    }

    [Fact]
    public async Task Withdrawn_application_takes_its_resume_back_and_cannot_move_again()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, Ct);
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Pdf(), "我的简历.pdf", Ct);
        var applicationId = await ApplyAsync(People.Candidate, demo.Clerk, resume.Id);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        (await recruiter.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var withdrawn = await candidate.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/withdraw", new { reason = "已找到工作" }, Ct);

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recruiter.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await MoveAsync(recruiter, applicationId, "Interview")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await candidate.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/withdraw", new { reason = "" }, Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deleting_a_resume_removes_its_file_from_blob_storage_and_from_the_application_it_was_sent_with()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, Ct);
        int StoredResumes() => Directory.EnumerateFiles(app.Deployment.DataDirectory!, "*", SearchOption.AllDirectories)
            .Count(f => f.Contains($"{Path.DirectorySeparatorChar}resumes{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var before = StoredResumes();
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Png(), "证书.png", Ct);
        var applicationId = await ApplyAsync(ResumeApi.OtherCandidate, demo.Packer, resume.Id);
        StoredResumes().ShouldBeGreaterThan(before); // the file, and the local store's content-type note beside it

        (await candidate.Http.DeleteAsync($"/api/v1/resumes/{resume.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        StoredResumes().ShouldBe(before, "the file itself is gone from blob storage, not only its row");
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        (await recruiter.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var board = (await recruiter.Http.GetFromJsonAsync<List<BoardCardRow>>($"/api/v1/employers/{demo.FoodEmployerId}/applications", Ct))!;
        board.Single(c => c.Id == applicationId).HasResume.ShouldBeFalse();
    }

    private sealed record RejectedRow(int Count, int Skipped);
}

using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Every hiring endpoint against every role: only recruiters of the job's employer work its applications (another
/// employer's recruiter finds nothing there), only candidates withdraw their own, only organizers verify jobs.
/// </summary>
public sealed class HiringAuthorizationTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?, HttpStatusCode> NotTheEmployersRecruiters => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { People.Candidate, HttpStatusCode.Forbidden },
        { People.OtherRecruiter, HttpStatusCode.NotFound },
        { People.Organizer, HttpStatusCode.Forbidden },
        { People.Admin, HttpStatusCode.Forbidden },
    };

    private async Task<(DemoIds Demo, Guid ApplicationId)> AppliedAsync()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, Ct);
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Pdf(), "简历.pdf", Ct);
        using var applied = await ResumeApi.ApplyAsync(candidate, demo.Packer, resume.Id, null, Ct);
        return (demo, (await applied.Content.ReadFromJsonAsync<ApplicationRow>(Ct))!.Id);
    }

    private async Task<SignedInClient> AsAsync(string? who) =>
        who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);

    [Theory]
    [MemberData(nameof(NotTheEmployersRecruiters))]
    public async Task Nobody_but_the_employers_recruiters_opens_moves_notes_or_reads_the_resume_of_an_application(string? who, HttpStatusCode expected)
    {
        var (_, applicationId) = await AppliedAsync();
        using var client = await AsAsync(who);

        (await client.Http.PostAsync($"/api/v1/applications/{applicationId}/open", null, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/status", new { status = "Interview" }, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/notes", new { text = "x" }, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, Ct)).StatusCode.ShouldBe(expected);
        // The plain link is a page: people who may not open it are sent to sign in or to the access-denied page.
        (await client.Http.GetAsync($"/resumes/{applicationId}", Ct)).StatusCode
            .ShouldBe(expected == HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.Redirect);
    }

    [Theory]
    [MemberData(nameof(NotTheEmployersRecruiters))]
    public async Task Nobody_but_the_employers_recruiters_sees_its_board_or_rejects_in_bulk(string? who, HttpStatusCode expected)
    {
        var (demo, applicationId) = await AppliedAsync();
        using var client = await AsAsync(who);
        // The employer's id is in the path, so another employer's recruiter is refused outright rather than shown nothing.
        var refused = expected == HttpStatusCode.NotFound ? HttpStatusCode.Forbidden : expected;

        (await client.Http.GetAsync($"/api/v1/employers/{demo.FoodEmployerId}/applications", Ct)).StatusCode.ShouldBe(refused);
        (await client.Http.PostAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/applications/reject",
            new { applicationIds = new[] { applicationId }, message = "不合适" }, Ct)).StatusCode.ShouldBe(refused);
        (await client.Http.PostAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Packer}/pause", null, Ct)).StatusCode.ShouldBe(refused);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        var board = (await recruiter.Http.GetFromJsonAsync<List<BoardCardRow>>($"/api/v1/employers/{demo.FoodEmployerId}/applications", Ct))!;
        board.Single(c => c.Id == applicationId).Status.ShouldBe("Submitted", "nothing above changed it");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ResumeApi.OtherCandidate, HttpStatusCode.NotFound)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_the_candidate_withdraws_their_application(string? who, HttpStatusCode expected)
    {
        var (_, applicationId) = await AppliedAsync();
        using var client = await AsAsync(who);

        (await client.Http.PostAsJsonAsync($"/api/v1/applications/{applicationId}/withdraw", new { reason = "" }, Ct)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_organizers_verify_jobs_and_only_candidates_save_a_home(string? who, HttpStatusCode expected)
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var client = await AsAsync(who);

        (await client.Http.PostAsync($"/api/v1/jobs/{demo.LogisticsJob}/verification", null, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.DeleteAsync($"/api/v1/jobs/{demo.Packer}/verification", Ct)).StatusCode.ShouldBe(expected);
        if (who != People.Candidate)
            (await client.Http.PutAsJsonAsync("/api/v1/me/home", new { district = "九龙坡区" }, Ct)).StatusCode.ShouldBe(expected);
        // Search is public: anyone may look before registering.
        (await client.Http.GetAsync("/api/v1/jobs/search?q=包装", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

public sealed record JobHitRow(Guid Id, string Title, string EmployerName, string Nearness, double? DistanceKm, bool Verified);
public sealed record SearchResultRow(IReadOnlyList<JobHitRow> Jobs, int Page, bool HasMore);

/// <summary>Jobs pause, reopen and close; an organizer verifies them; 家门口 search over HTTP from a candidate's saved home.</summary>
public sealed class JobLifecycleApiTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paused_job_takes_no_applications_and_leaves_search_until_it_reopens_and_closed_is_final()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, Ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, Ct);
        var jobs = $"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Piecework}";

        (await recruiter.Http.PostAsync($"{jobs}/pause", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ResumeApi.ApplyAsync(candidate, demo.Piecework, null, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SearchAsync(candidate, "q=串签")).Jobs.ShouldBeEmpty();
        (await recruiter.Http.PostAsync($"{jobs}/reopen", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(candidate, "q=串签")).Jobs.ShouldHaveSingleItem().Id.ShouldBe(demo.Piecework);
        (await recruiter.Http.PostAsync($"{jobs}/close", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recruiter.Http.PostAsync($"{jobs}/reopen", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SearchAsync(candidate, "q=串签")).Jobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Organizer_verifies_and_revokes_and_the_mark_shows_in_search()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, Ct);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);

        (await organizer.Http.PostAsync($"/api/v1/jobs/{demo.LogisticsJob}/verification", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(anonymous, "")).Jobs.Single(j => j.Id == demo.LogisticsJob).Verified.ShouldBeTrue();
        (await organizer.Http.DeleteAsync($"/api/v1/jobs/{demo.LogisticsJob}/verification", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(anonymous, "")).Jobs.Single(j => j.Id == demo.LogisticsJob).Verified.ShouldBeFalse();
    }

    [Fact]
    public async Task Candidates_saved_home_ranks_the_job_in_their_community_first()
    {
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, Ct);

        using var bad = await candidate.Http.PutAsJsonAsync("/api/v1/me/home", new { community = "华润社区" }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var saved = await candidate.Http.PutAsJsonAsync("/api/v1/me/home",
            new { district = "九龙坡区", street = "谢家湾街道", community = "华润社区", latitude = 29.52, longitude = 106.52 }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var result = await SearchAsync(candidate, "");
        result.Jobs[0].ShouldSatisfyAllConditions(j => j.Id.ShouldBe(demo.Clerk), j => j.Nearness.ShouldBe("SameCommunity"));
        result.Jobs.Select(j => j.Nearness).ShouldBe(result.Jobs.Select(j => j.Nearness).OrderBy(Rank).ToList());
        // A place in the request wins over the saved home (looking for work near a relative, say).
        (await SearchAsync(candidate, "district=沙坪坝区&street=童家桥街道")).Jobs[0].Title.ShouldBe("货车司机（C1）");
    }

    private static int Rank(string nearness) => nearness switch { "SameCommunity" => 0, "SameStreet" => 1, "SameDistrict" => 2, _ => 3 };

    private static async Task<SearchResultRow> SearchAsync(SignedInClient client, string query) =>
        (await client.Http.GetFromJsonAsync<SearchResultRow>($"/api/v1/jobs/search?{query}", Ct))!;
}

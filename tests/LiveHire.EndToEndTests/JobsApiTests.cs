using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>Revising a job over the API: its employer's recruiters only, and a changed offer loses its verified mark.</summary>
public sealed class JobsApiTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static object Revision(decimal payMin, decimal payMax, int headcount = 20) => new
    {
        title = "食品包装工", description = "包装流水线，有师傅带", payMin, payMax, payUnit = "Month", hours = "8:30-17:30，做五休二", type = "FullTime",
        district = "九龙坡区", street = "杨家坪街道", community = "民安华福社区", latitude = 29.503, longitude = 106.511,
        benefits = new[] { "SocialInsurance", "Meals" }, headcount,
    };

    [Fact]
    public async Task Recruiter_revises_pay_and_the_verified_mark_is_cleared()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        using var response = await recruiter.Http.PutAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Packer}", Revision(4800, 6500), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        job.GetProperty("payMin").GetDecimal().ShouldBe(4800);
        job.GetProperty("verified").GetBoolean().ShouldBeFalse("the organizer verified the old pay, not this one");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.OtherRecruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_the_employers_recruiters_revise_its_jobs(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.PutAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Clerk}", Revision(1, 2), ct);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Another_employers_job_reads_as_missing_and_bad_input_gets_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        using var foreign = await recruiter.Http.PutAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.LogisticsJob}", Revision(1, 2), ct);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var backwards = await recruiter.Http.PutAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Clerk}", Revision(9000, 8000), ct);
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        backwards.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await backwards.Content.ReadAsStringAsync(ct)).ShouldContain("validation.job.pay");
    }
}

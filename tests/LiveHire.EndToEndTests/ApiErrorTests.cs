using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Input the API cannot even read (a number that is not one, a broken JSON body, the wrong content type), or a search filter
/// that names nothing it knows, is answered with ProblemDetails that say which parameter and what was wrong, as a Production
/// deployment runs, and changes nothing.
/// </summary>
public sealed class ApiErrorTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Theory]
    [InlineData("/api/v1/jobs/search?minPay=abc{0}", "MinPay")]
    [InlineData("/api/v1/jobs/search?latitude=north{0}", "latitude")]
    [InlineData("/api/v1/sessions?take=ten{0}", "take")]
    public async Task A_query_value_of_the_wrong_kind_is_named_in_the_problem(string pathFormat, string parameter)
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = app.BaseUrl };

        using var response = await http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, marker), ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ct);
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain(parameter);
        detail.ShouldContain(marker, customMessage: "the value that could not be read");
        NoErrorWasLogged(marker);
        NoErrorWasLogged(problem.GetProperty("requestId").GetString()!);
    }

    [Theory]
    [InlineData("types=full-time,Gig", "types", "full-time")]
    [InlineData("groups=Mothers,Retired", "groups", "Retired")]
    [InlineData("payUnit=Week&minPay=800", "payUnit", "Week")]
    [InlineData("types=7", "types", "7")]
    [InlineData("page=0", "page", "from 1 to 50")]
    [InlineData("page=51", "page", "from 1 to 50")]
    [InlineData("payUnit=Day,Month&minPay=800", "payUnit", "One at a time")]
    [InlineData("latitude=29.5", "longitude", "both")]
    [InlineData("latitude=129.5&longitude=106.5", "latitude", "between -90 and 90")]
    public async Task A_search_filter_that_is_not_one_is_refused_instead_of_searching_without_it(string query, string field, string said)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = app.BaseUrl };

        using var response = await http.GetAsync($"/api/v1/jobs/search?{query}", ct);

        (await OnlyErrorAsync(response, field, ct)).ShouldContain(said);
    }

    [Theory]
    [InlineData(null, "/api/v1/fairs?group=9", "group", "Not known: 9. Known: Graduates, LaidOffWorkers")]
    [InlineData(null, "/api/v1/fairs?group=Graduates,LaidOffWorkers", "group", "One at a time")]
    [InlineData(People.Organizer, "/api/v1/recommendations?group=Retired", "group", "Not known: Retired. Known: Graduates, Mothers")]
    [InlineData(People.Organizer, "/api/v1/recommendations?group=1", "group", "Not known: 1.")]
    [InlineData(People.Recruiter, "/api/v1/employers/{0}/applications?status=hired-ish", "status", "Not known: hired-ish. Known: Submitted")]
    [InlineData(People.Recruiter, "/api/v1/employers/{0}/applications?status=6", "status", "Not known: 6.")]
    public async Task A_list_filter_that_names_nothing_known_is_refused(string? who, string pathFormat, string field, string said)
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, demo.FoodEmployerId), ct);

        (await OnlyErrorAsync(response, field, ct)).ShouldStartWith(said);
    }

    [Fact]
    public async Task Filter_names_are_read_in_any_case()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = app.BaseUrl };

        var jobs = JsonDocument.Parse(await http.GetStringAsync("/api/v1/jobs/search?types=gig,PIECEWORK&payUnit=day&minPay=150", ct)).RootElement
            .GetProperty("jobs").EnumerateArray().ToList();

        jobs.ShouldNotBeEmpty();
        jobs.Select(j => j.GetProperty("type").GetString()).ShouldAllBe(t => t == "Gig" || t == "Piecework");
        jobs.Select(j => j.GetProperty("title").GetString()).ShouldContain("快递分拣员", "a gig at 180-220 a day");
    }

    [Fact]
    public async Task A_json_body_that_does_not_fit_says_where_and_the_job_is_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);
        var url = $"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Packer}";
        var before = await JobAsync(recruiter, demo, ct);

        using var wrongType = await recruiter.Http.PutAsync(url,
            new StringContent("""{"title":"食品包装工","payMin":"四千五","payMax":6000}""", Encoding.UTF8, "application/json"), ct);
        var problem = await ProblemAsync(wrongType, HttpStatusCode.BadRequest, ct);
        problem.GetProperty("detail").GetString()!.ShouldContain("$.payMin");

        using var broken = await recruiter.Http.PutAsync(url, new StringContent("""{"title":"食品包装工","payMin":""", Encoding.UTF8, "application/json"), ct);
        (await ProblemAsync(broken, HttpStatusCode.BadRequest, ct)).GetProperty("detail").GetString()!.ShouldContain("JSON");

        using var notJson = await recruiter.Http.PutAsync(url, new StringContent("title=食品包装工", Encoding.UTF8, "text/plain"), ct);
        (await ProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType, ct, "Unsupported Media Type")).GetProperty("detail").GetString()!
            .ShouldContain("text/plain");

        (await JobAsync(recruiter, demo, ct)).ShouldBe(before, "nothing was written");
    }

    [Fact]
    public async Task A_failed_check_lists_its_fields_and_is_not_logged_as_a_fault()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        using var invalid = await recruiter.Http.PutAsJsonAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs/{demo.Packer}", new
        {
            title = "", description = "包装流水线", payMin = 4500, payMax = 6000, payUnit = "Fortnight", hours = "8:30-17:30", type = "FullTime",
            district = "九龙坡区", street = "杨家坪街道", community = "民安华福社区", headcount = 20,
        }, ct);

        var body = await invalid.Content.ReadAsStringAsync(ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "payUnit"], ignoreOrder: true);
        NoErrorWasLogged(problem.GetProperty("requestId").GetString()!);
    }

    /// <summary>A 400 ValidationProblem whose errors name <paramref name="field"/> alone: its first message.</summary>
    private static async Task<string> OnlyErrorAsync(HttpResponseMessage response, string field, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        return errors.GetProperty(field)[0].GetString()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct,
        string title = "The request could not be read.")
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.GetProperty("title").GetString().ShouldBe(title);
        return problem;
    }

    /// <summary>The employer's own list, as the recruiter reads it, for the packer's job.</summary>
    private static async Task<string> JobAsync(SignedInClient recruiter, DemoIds demo, CancellationToken ct)
    {
        var jobs = JsonDocument.Parse(await recruiter.Http.GetStringAsync($"/api/v1/employers/{demo.FoodEmployerId}/jobs", ct)).RootElement;
        return jobs.EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == demo.Packer).GetRawText();
    }

    /// <summary>Bad input is the caller's mistake, not a fault: no Error entry in the log mentions it (or its request id).</summary>
    private void NoErrorWasLogged(string marker) => app.Deployment.ErrorsMentioning(marker).ShouldBeEmpty();
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>The structured profile, the resume made from it, and 为你推荐 over real HTTP, each for a newly signed-up candidate.</summary>
public sealed class ProfileTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Profile(string name = "陈小红", string[]? wanted = null) => new
    {
        fullName = name,
        summary = "做事踏实，能吃苦",
        education = new[] { new { school = "重庆工商职业学院", major = "电子商务", degree = "大专", fromYear = 2018, toYear = 2021 } },
        experience = new[] { new { employer = "重庆渝味食品有限公司", title = "包装工", fromYear = 2021, toYear = (int?)null, description = "负责包装和质检" } },
        skills = new[] { "电焊", "叉车" },
        wantedTitles = wanted ?? ["包装工"],
        wantedPayMin = 4000,
        wantedPayUnit = "Month",
        availability = "Flexible",
        availableFrom = (string?)null,
        groups = new[] { "Mothers" },
    };

    [Fact]
    public async Task A_saved_profile_reads_back_and_bad_input_is_a_400_that_keeps_it()
    {
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, Ct);
        var before = (await candidate.Http.GetFromJsonAsync<ProfileRow>("/api/v1/me/profile", Ct))!;
        before.UpdatedAt.ShouldBeNull();
        before.FullName.ShouldStartWith("求职者", Case.Sensitive, "before the first save the form starts from the display name");

        (await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", Profile(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var bad = await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", new { fullName = "陈小红", skills = Enumerable.Range(0, 21).Select(i => $"技能{i}") }, Ct);
        using var badUnit = await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", new { fullName = "陈小红", wantedPayUnit = "Week" }, Ct);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ResumeApi.ProblemCodeAsync(bad, Ct)).ShouldBe("validation.profile.skills");
        badUnit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var saved = (await candidate.Http.GetFromJsonAsync<ProfileRow>("/api/v1/me/profile", Ct))!;
        saved.FullName.ShouldBe("陈小红");
        saved.Skills.ShouldBe(["电焊", "叉车"]);
        saved.Groups.ShouldBe(["Mothers"]);
        saved.Availability.ShouldBe("Flexible");
        saved.Experience.Single().Employer.ShouldBe("重庆渝味食品有限公司");

        // The page's form: a refused save comes back with the problem and what was typed, and changes nothing.
        var token = await candidate.AntiforgeryTokenAsync("/me/profile", Ct);
        using var page = await candidate.Http.PostAsync("/me/profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.Skills"] = "砌墙、贴砖", ["__RequestVerificationToken"] = token,
        }), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("data-testid=\"profile-problem\"");
        html.ShouldContain("请填写姓名（最多 40 个字）", customMessage: "the problem is said in Chinese, the page's language");
        html.ShouldContain("砌墙、贴砖");
        (await candidate.Http.GetFromJsonAsync<ProfileRow>("/api/v1/me/profile", Ct))!.Skills.ShouldBe(["电焊", "叉车"]);
    }

    [Fact]
    public async Task A_resume_made_from_the_profile_is_a_pdf_in_the_library_with_the_name_and_skills_and_can_be_sent()
    {
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, Ct);
        using var early = await candidate.Http.PostAsync("/api/v1/me/profile/resume", null, Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict, "there is nothing to print before a profile is saved");
        (await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", Profile("王建国"), Ct)).EnsureSuccessStatusCode();

        using var made = await candidate.Http.PostAsync("/api/v1/me/profile/resume", null, Ct);

        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync(Ct));
        var resume = (await made.Content.ReadFromJsonAsync<ResumeRow>(Ct))!;
        resume.ContentType.ShouldBe("application/pdf");
        resume.FileName.ShouldBe("王建国的简历.pdf");
        (await candidate.Http.GetFromJsonAsync<List<ResumeRow>>("/api/v1/resumes", Ct))!.ShouldContain(r => r.Id == resume.Id);
        var bytes = await candidate.Http.GetByteArrayAsync($"/api/v1/resumes/{resume.Id}/file", Ct);
        bytes.Length.ShouldBe((int)resume.SizeBytes);
        var text = await PdfText.ExtractAsync(bytes, Ct);
        text.ShouldContain("王建国");
        text.ShouldContain("电焊");
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        using var applied = await ResumeApi.ApplyAsync(candidate, demo.Packer, resume.Id, null, Ct);
        applied.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_the_chinese_font_making_a_resume_is_a_503_and_readiness_names_the_font_to_install()
    {
        await using var deployment = await Deployment.StartAsync(Mode.Embedded, servers: null, Ct,
            extraSettings: new Dictionary<string, string> { ["LiveHire__Resumes__PdfFontPath"] = "/nonexistent/wqy-microhei.ttc" });
        using var candidate = await People.SignUpCandidateAsync(deployment.BaseUrl, Ct);
        (await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", Profile(), Ct)).EnsureSuccessStatusCode();

        using var ready = await candidate.Http.GetAsync("/health/ready", Ct);
        using var made = await candidate.Http.PostAsync("/api/v1/me/profile/resume", null, Ct);

        ready.StatusCode.ShouldBe(HttpStatusCode.OK, "everything but making a resume works");
        var font = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "resume-font");
        font.GetProperty("status").GetString().ShouldBe("Degraded");
        font.GetProperty("description").GetString()!.ShouldContain("apt-get install fonts-wqy-microhei");
        made.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ResumeApi.ProblemCodeAsync(made, Ct)).ShouldBe("resume.font_missing");
        (await candidate.Http.GetFromJsonAsync<List<ResumeRow>>("/api/v1/resumes", Ct))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Recommendations_are_three_with_reasons_recorded_once_and_topped_up_after_an_apply_without_repeating_a_job()
    {
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, Ct);
        (await candidate.Http.PutAsJsonAsync("/api/v1/me/home", new { district = "九龙坡区", street = "杨家坪街道", community = "民安华福社区" }, Ct)).EnsureSuccessStatusCode();
        (await candidate.Http.PutAsJsonAsync("/api/v1/me/profile", Profile(), Ct)).EnsureSuccessStatusCode();

        var first = await RecommendAsync(candidate);
        var again = await RecommendAsync(candidate);

        first.Count.ShouldBe(3);
        first.ShouldAllBe(r => r.New && r.Reasons.Count > 0);
        first[0].JobTitle.ShouldBe("食品包装工");
        first[0].Reasons.Select(r => r.Kind).ShouldBe(["SameCommunity", "WantedTitle", "Pay"]);
        again.Select(r => r.JobId).ShouldBe(first.Select(r => r.JobId), ignoreOrder: true);
        again.ShouldAllBe(r => !r.New, "nothing new is recorded while three stand");

        (await ResumeApi.ApplyAsync(candidate, first[0].JobId, null, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await RecommendAsync(candidate);

        after.Count.ShouldBe(4);
        after.Select(r => r.JobId).Distinct().Count().ShouldBe(4, "a job is never recommended twice within the window");
        after[0].New.ShouldBeTrue("the fresh one comes first");
        after.Single(r => r.JobId == first[0].JobId).Applied.ShouldBeTrue();

        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, Ct);
        var rows = (await organizer.Http.GetFromJsonAsync<List<OrganizerRow>>("/api/v1/recommendations?district=九龙坡区&group=Mothers", Ct))!
            .Where(r => after.Any(a => a.Id == r.Id)).ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.MadeBy == null && r.EmployerName.Length > 0 && r.Reasons.Count > 0);
        rows.Single(r => r.JobId == first[0].JobId).Applied.ShouldBeTrue();
        (await organizer.Http.GetFromJsonAsync<List<OrganizerRow>>("/api/v1/recommendations?group=Veterans", Ct))!.ShouldNotContain(r => r.CandidateId == rows[0].CandidateId);
    }

    [Fact]
    public async Task An_organizer_recommends_a_job_in_person_once_a_week_and_the_candidate_sees_who_recommended_it()
    {
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, Ct);
        using var g = await candidate.Http.GetAsync("/me/profile", Ct);
        if ((int)g.StatusCode == 500) throw new Exception(string.Join("\n", app.Deployment.Logs.Split('\n').Where(l => l.Contains("rror") || l.Contains("xception")).TakeLast(5)));
        var mine = await RecommendAsync(candidate);
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, Ct);
        var candidateId = (await organizer.Http.GetFromJsonAsync<List<OrganizerRow>>("/api/v1/recommendations", Ct))!.First(r => r.Id == mine[0].Id).CandidateId;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, Ct);
        var job = new[] { demo.Packer, demo.Clerk, demo.Piecework, demo.LogisticsJob }.First(j => mine.All(m => m.JobId != j));

        using var made = await organizer.Http.PostAsJsonAsync("/api/v1/recommendations", new { candidateId, jobId = job }, Ct);
        using var repeat = await organizer.Http.PostAsJsonAsync("/api/v1/recommendations", new { candidateId, jobId = job }, Ct);
        using var notACandidate = await organizer.Http.PostAsJsonAsync("/api/v1/recommendations", new { candidateId = Guid.NewGuid(), jobId = job }, Ct);

        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync(Ct));
        (await made.Content.ReadFromJsonAsync<OrganizerRow>(Ct))!.MadeBy.ShouldNotBeNull();
        repeat.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        notACandidate.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RecommendAsync(candidate)).Single(r => r.JobId == job).ByOrganizer.ShouldBeTrue();
    }

    [Fact]
    public async Task Candidate_fills_the_profile_on_a_phone_makes_a_pdf_resume_and_applies_to_one_of_three_recommendations()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await page.GotoAsync("/account/register");
        await page.GetByTestId("register-display-name").FillAsync("李秀英");
        await page.GetByTestId("register-email").FillAsync($"b{Guid.NewGuid():N}@test.livehire");
        await page.GetByTestId("register-password").FillAsync(People.Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await page.GetByTestId("nav-me").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToContainTextAsync("李秀英");

        await page.GetByTestId("me-profile").ClickAsync();
        await page.GetByTestId("profile-wanted").FillAsync("营业员、理货员");
        await page.GetByTestId("profile-skills").FillAsync("收银 电焊");
        await page.GetByTestId("profile-pay").FillAsync("4000");
        await page.GetByTestId("profile-availability").SelectOptionAsync("Flexible");
        await page.GetByTestId("profile-group-Mothers").CheckAsync();
        // One blank job and one blank school are open; the others wait behind "add another" until someone wants them.
        await Assertions.Expect(page.Locator("[data-testid=profile-experience]:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=profile-education]:visible")).ToHaveCountAsync(1);
        await page.Locator("[name='Input.Experience[0].Employer']").FillAsync("永辉超市");
        await page.Locator("[name='Input.Experience[0].Title']").FillAsync("收银员");
        await page.Locator("[name='Input.Experience[0].FromYear']").FillAsync("2019");
        await page.GetByTestId("profile-experience-more").Locator("summary").ClickAsync();
        await page.Locator("[name='Input.Experience[1].Employer']").FillAsync("家乐福");
        await page.Locator("[name='Input.Experience[1].Title']").FillAsync("理货员");
        await page.Locator("[name='Input.Experience[1].FromYear']").FillAsync("2016");
        await page.Locator("[name='Input.Experience[1].ToYear']").FillAsync("2019");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, "the form fits a 360 px phone");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-saved")).ToContainTextAsync("资料已保存");
        // Both jobs read back open, with one blank row after them and nothing left folded.
        await Assertions.Expect(page.Locator("[data-testid=profile-experience]:visible")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("profile-experience-more")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[name='Input.Experience[1].Employer']")).ToHaveValueAsync("家乐福");

        await page.GetByTestId("profile-make-resume").ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-resume-link")).ToHaveTextAsync("李秀英的简历.pdf");
        var pdf = await page.Context.APIRequest.GetAsync((await page.GetByTestId("profile-resume-link").GetAttributeAsync("href"))!);
        var text = await PdfText.ExtractAsync(await pdf.BodyAsync(), Ct);
        text.ShouldContain("永辉超市");
        text.ShouldContain("家乐福");

        await page.GetByTestId("nav-me").ClickAsync();
        await page.GetByTestId("me-recommendations").ClickAsync();
        var recommendations = page.GetByTestId("recommendation");
        await Assertions.Expect(recommendations).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("rec-resume")).ToContainTextAsync("李秀英的简历.pdf");
        var first = recommendations.First;
        await Assertions.Expect(first.GetByTestId("rec-title")).ToHaveTextAsync("门店营业员（宝妈岗）");
        await Assertions.Expect(first.GetByTestId("rec-reason").First).ToHaveTextAsync("是你想做的工作（营业员）");
        await Assertions.Expect(first.GetByTestId("rec-reasons")).ToContainTextAsync("工资达到你的期望（20-25 元/小时）");
        for (var i = 0; i < 3; i++) (await recommendations.Nth(i).GetByTestId("rec-reason").CountAsync()).ShouldBeGreaterThan(0);

        await first.GetByTestId("rec-apply").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=recommendation]:has([data-testid=rec-applied])")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=recommendation]:has([data-testid=rec-applied]) [data-testid=rec-title]")).ToHaveTextAsync("门店营业员（宝妈岗）");
        // The applied job stays, marked, and a fresh one tops the list up to three open ones.
        await Assertions.Expect(page.GetByTestId("rec-apply")).ToHaveCountAsync(3);
    }

    public static TheoryData<string?, HttpStatusCode> NotCandidates => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { People.Recruiter, HttpStatusCode.Forbidden },
        { People.Organizer, HttpStatusCode.Forbidden },
        { People.Admin, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(NotCandidates))]
    public async Task Only_candidates_read_or_save_a_profile_make_a_resume_or_get_recommendations(string? who, HttpStatusCode expected)
    {
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);

        (await client.Http.GetAsync("/api/v1/me/profile", Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PutAsJsonAsync("/api/v1/me/profile", Profile(), Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsync("/api/v1/me/profile/resume", null, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsync("/api/v1/me/recommendations", null, Ct)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_organizers_see_or_make_recommendations_for_others(string? who, HttpStatusCode expected)
    {
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);

        (await client.Http.GetAsync("/api/v1/recommendations", Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsJsonAsync("/api/v1/recommendations", new { candidateId = Guid.NewGuid(), jobId = Guid.NewGuid() }, Ct)).StatusCode.ShouldBe(expected);
    }

    public static TheoryData<string, string?, string?> Pages => new()
    {
        // page, who, where they end up (null = the page itself)
        { "/me/profile", null, "/Account/Login" },
        { "/me/profile", People.Recruiter, "/Account/AccessDenied" },
        { "/me/profile", People.Organizer, "/Account/AccessDenied" },
        { "/me/profile", People.Admin, "/Account/AccessDenied" },
        { "/me/profile", People.Candidate, null },
        { "/me/recommendations", null, "/Account/Login" },
        { "/me/recommendations", People.Recruiter, "/Account/AccessDenied" },
        { "/me/recommendations", People.Organizer, "/Account/AccessDenied" },
        { "/me/recommendations", People.Admin, "/Account/AccessDenied" },
        { "/organizer/recommendations", null, "/Account/Login" },
        { "/organizer/recommendations", People.Candidate, "/Account/AccessDenied" },
        { "/organizer/recommendations", People.Recruiter, "/Account/AccessDenied" },
        { "/organizer/recommendations", People.Admin, "/Account/AccessDenied" },
        { "/organizer/recommendations", People.Organizer, null },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Profile_and_recommendation_pages_open_only_for_their_people(string page, string? who, string? sentTo)
    {
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);

        using var response = await client.Http.GetAsync(page, Ct);

        if (sentTo is null) response.StatusCode.ShouldBe(HttpStatusCode.OK);
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            new Uri(app.BaseUrl, response.Headers.Location!).AbsolutePath.ShouldBe(sentTo, StringCompareShould.IgnoreCase);
        }
    }

    private static async Task<List<RecommendationRow>> RecommendAsync(SignedInClient candidate)
    {
        using var response = await candidate.Http.PostAsync("/api/v1/me/recommendations", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<RecommendationRow>>(Ct))!;
    }
}

public sealed record ProfileRow(string FullName, string Summary, List<EducationRow> Education, List<ExperienceRow> Experience, List<string> Skills,
    List<string> WantedTitles, decimal? WantedPayMin, string WantedPayUnit, string Availability, DateOnly? AvailableFrom, List<string> Groups, DateTimeOffset? UpdatedAt);

public sealed record EducationRow(string School, string Major, string Degree, int FromYear, int? ToYear);

public sealed record ExperienceRow(string Employer, string Title, int FromYear, int? ToYear, string Description);

public sealed record ReasonRow(string Kind, string Detail);

public sealed record RecommendationRow(Guid Id, Guid JobId, string JobTitle, string EmployerName, List<ReasonRow> Reasons, bool ByOrganizer, bool Applied, bool New);

public sealed record OrganizerRow(Guid Id, Guid CandidateId, string CandidateName, string CandidateDistrict, Guid JobId, string JobTitle, string EmployerName,
    List<ReasonRow> Reasons, string? MadeBy, bool Applied);

/// <summary>The text of a PDF as poppler's pdftotext reads it (Debian's poppler-utils).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lh-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, ct);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>家门口 to hired, as people use it: a candidate's phone and a recruiter's board, in real browsers.</summary>
public sealed class HiringBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Candidate_sets_home_finds_a_nearby_job_applies_and_sees_the_interview_invitation_live()
    {
        var candidate = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(candidate, ResumeApi.OtherCandidate);
        await candidate.GotoAsync("/jobs");
        await candidate.GetByTestId("home-district").FillAsync("九龙坡区");
        await candidate.GetByTestId("home-street").FillAsync("谢家湾街道");
        await candidate.GetByTestId("home-community").FillAsync("华润社区");
        await candidate.GetByTestId("home-save").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("search-notice")).ToHaveTextAsync("住址已保存");

        var nearest = candidate.GetByTestId("search-hit").First;
        await Assertions.Expect(nearest.Locator(".job-title")).ToHaveTextAsync("门店营业员（宝妈岗）");
        await Assertions.Expect(nearest.GetByTestId("hit-nearness")).ToHaveTextAsync("本社区");
        await Assertions.Expect(nearest.GetByTestId("hit-verified")).ToContainTextAsync("已认证");
        (await candidate.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"))
            .ShouldBeLessThanOrEqualTo(0, "the search page fits a 360 px phone");
        await candidate.GetByTestId("search-q").FillAsync("营业员");
        await candidate.GetByTestId("search-go").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("search-hit")).ToHaveCountAsync(1);
        await candidate.GetByTestId("hit-apply").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("hit-applied")).ToHaveTextAsync("已投递");

        await candidate.GetByTestId("nav-me").ClickAsync();
        await candidate.GetByTestId("me-mine").ClickAsync();
        var row = candidate.GetByTestId("my-application").Filter(new() { HasText = "门店营业员（宝妈岗）" });
        await Assertions.Expect(row.GetByTestId("my-application-status")).ToHaveTextAsync("已投递");
        await candidate.EvaluateAsync("window.__stillHere = true");

        var recruiter = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(recruiter, People.Recruiter, "/studio/board");
        await recruiter.GotoAsync("/studio/board?q=刘大明");
        var card = recruiter.GetByTestId("board-card").Filter(new() { HasText = "门店营业员（宝妈岗）" });
        await card.GetByTestId("board-move-to").SelectOptionAsync("Interview");
        await card.GetByTestId("board-move").ClickAsync();
        await Assertions.Expect(recruiter.GetByTestId("board-card").Filter(new() { HasText = "门店营业员（宝妈岗）" }).GetByTestId("board-card-status"))
            .ToHaveTextAsync("邀请面试");

        await Assertions.Expect(row.GetByTestId("my-application-status")).ToHaveTextAsync("邀请面试");
        (await candidate.EvaluateAsync<bool>("window.__stillHere === true")).ShouldBeTrue("the change arrived live, without reloading the page");

        // The recruiter keeps a private note on the card and reads it back on the board; the candidate never sees it.
        await card.GetByTestId("board-note-text").FillAsync("周三下午两点面试，带身份证");
        await card.GetByTestId("board-note-add").ClickAsync();
        var notes = recruiter.GetByTestId("board-card").Filter(new() { HasText = "门店营业员（宝妈岗）" }).GetByTestId("board-notes");
        await notes.Locator("summary").ClickAsync();
        await Assertions.Expect(notes.GetByTestId("board-note")).ToContainTextAsync("周三下午两点面试，带身份证");
        await Assertions.Expect(candidate.GetByText("周三下午两点面试")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Candidate_lets_the_phone_say_where_home_is_and_the_nearest_job_comes_first_with_its_distance()
    {
        // Next to the demo truck-driver job in 沙坪坝 (新桥社区), without typing a district.
        var candidate = await browser.NewPersonAsync(app.BaseUrl, new Geolocation { Latitude = 29.586f, Longitude = 106.435f });
        await People.SignInAsync(candidate, People.Candidate);
        await candidate.GotoAsync("/jobs");
        await candidate.GetByTestId("home-locate").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("home-point-status")).ToHaveTextAsync("已记录家的位置，按距离排序更准");
        await candidate.GetByTestId("home-save").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("search-notice")).ToHaveTextAsync("住址已保存");

        var nearest = candidate.GetByTestId("search-hit").First;
        await Assertions.Expect(nearest.Locator(".job-title")).ToHaveTextAsync("货车司机（C1）");
        await Assertions.Expect(nearest).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"约 0\.\d 公里"));
        await Assertions.Expect(candidate.GetByTestId("home-latitude")).ToHaveValueAsync("29.586");

        // Taking the point away again leaves a home the candidate must name: the page says so and keeps the point.
        await Assertions.Expect(candidate.GetByTestId("home-summary")).ToHaveTextAsync("手机定位的位置");
        await candidate.GetByTestId("home-form").Locator("summary").ClickAsync();
        await candidate.GetByTestId("home-unlocate").ClickAsync();
        await candidate.GetByTestId("home-save").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("search-notice")).ToHaveTextAsync("请填写所在的区，或用手机定位");
        await Assertions.Expect(candidate.GetByTestId("search-hit").First.Locator(".job-title")).ToHaveTextAsync("货车司机（C1）");
    }
}

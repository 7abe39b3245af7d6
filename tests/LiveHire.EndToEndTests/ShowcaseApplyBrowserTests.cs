using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>The showcase and one-tap apply as people use them: a host's studio and a candidate's phone, in real browsers.</summary>
public sealed class ShowcaseApplyBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Host_presents_a_job_candidate_applies_with_a_new_resume_and_host_opens_it()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter, $"/studio/{sessionId}");
        await host.GotoAsync($"/studio/{sessionId}");
        await Assertions.Expect(host.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

        await host.GetByTestId("lineup-job").Filter(new() { HasText = "门店营业员" }).GetByTestId("present-job").ClickAsync();

        var candidate = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(candidate, ResumeApi.OtherCandidate);
        await candidate.GotoAsync($"/live/{sessionId}");
        var card = candidate.GetByTestId("current-job");
        await Assertions.Expect(card.GetByTestId("job-title")).ToHaveTextAsync("门店营业员（宝妈岗）");
        await Assertions.Expect(card.GetByTestId("job-pay")).ToHaveTextAsync("20–25 元/小时");
        await Assertions.Expect(card.GetByTestId("job-place")).ToContainTextAsync("九龙坡区 谢家湾街道");
        await Assertions.Expect(card.GetByTestId("job-benefits")).ToContainTextAsync("包吃");
        await Assertions.Expect(card.GetByTestId("job-verified")).ToContainTextAsync("已认证");

        await card.GetByTestId("apply-button").ClickAsync();
        var pdf = SampleFiles.Pdf();
        await candidate.GetByTestId("apply-file").SetInputFilesAsync(new FilePayload { Name = "刘大明简历.pdf", MimeType = "application/pdf", Buffer = pdf });
        await candidate.GetByTestId("apply-confirm").ClickAsync();

        await Assertions.Expect(card.GetByTestId("apply-button")).ToHaveTextAsync("已投递");
        await Assertions.Expect(card.GetByTestId("apply-button")).ToBeDisabledAsync();
        var overflow = await candidate.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the room with its job card fits a 360 px phone");

        var application = host.GetByTestId("application").Filter(new() { HasText = "刘大明" });
        await Assertions.Expect(application).ToContainTextAsync("门店营业员（宝妈岗）");
        var href = await application.GetByTestId("open-resume").GetAttributeAsync("href");
        var file = await host.Context.APIRequest.GetAsync(href!);
        file.Status.ShouldBe(200);
        file.Headers["content-type"].ShouldBe("application/pdf");
        (await file.BodyAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task Host_posts_a_new_job_from_the_studio_puts_it_in_the_lineup_and_presents_it()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter, $"/studio/{sessionId}");
        await host.GotoAsync($"/studio/{sessionId}");
        await Assertions.Expect(host.GetByTestId("connection-state")).ToHaveTextAsync("已连接");
        var viewer = await browser.NewPersonAsync(app.BaseUrl);
        await viewer.GotoAsync($"/live/{sessionId}");
        await Assertions.Expect(viewer.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

        await host.GetByTestId("new-job").ClickAsync();
        var form = host.GetByTestId("job-form");
        await form.Locator("[name=title]").FillAsync("夜班理货员");
        await form.Locator("[name=payMin]").FillAsync("200");
        await form.Locator("[name=payMax]").FillAsync("240");
        await form.Locator("[name=payUnit]").SelectOptionAsync("Day");
        await form.Locator("[name=district]").FillAsync("九龙坡区");
        await form.Locator("[name=street]").FillAsync("杨家坪街道");
        await form.Locator("[name=benefits][value=SocialInsurance]").CheckAsync();
        await form.GetByTestId("job-create").ClickAsync();

        var fresh = host.GetByTestId("employer-job").Filter(new() { HasText = "夜班理货员" });
        await Assertions.Expect(fresh.GetByTestId("lineup-include")).ToBeCheckedAsync();
        await host.GetByTestId("lineup-save").ClickAsync();
        await host.GetByTestId("lineup-job").Filter(new() { HasText = "夜班理货员" }).GetByTestId("present-job").ClickAsync();

        var card = viewer.GetByTestId("current-job");
        await Assertions.Expect(card.GetByTestId("job-title")).ToHaveTextAsync("夜班理货员");
        await Assertions.Expect(card.GetByTestId("job-pay")).ToHaveTextAsync("200–240 元/天");
        await Assertions.Expect(card.GetByTestId("job-benefits")).ToContainTextAsync("五险");
        await Assertions.Expect(card.GetByTestId("sign-in-to-apply")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("lineup-job")).ToHaveCountAsync(3);
    }
}

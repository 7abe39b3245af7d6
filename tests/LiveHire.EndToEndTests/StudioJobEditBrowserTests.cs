using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>A host revises the job on air from the studio; viewers' job card changes without a reload.</summary>
public sealed class StudioJobEditBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Host_revises_the_presented_jobs_pay_and_viewers_see_the_new_card_live()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var viewer = await browser.NewPersonAsync(app.BaseUrl);
        await viewer.GotoAsync($"/live/{sessionId}");
        var card = viewer.GetByTestId("job-card");
        await Assertions.Expect(card).ToContainTextAsync("食品包装工"); // on air in the demo data
        await Assertions.Expect(card).ToContainTextAsync("6000");

        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");
        await Assertions.Expect(host.GetByTestId("connection-state")).ToHaveTextAsync("已连接");
        await host.GetByTestId("lineup-editor").ClickAsync();
        await host.GetByTestId("employer-job").Filter(new() { HasText = "食品包装工" }).GetByTestId("edit-job").ClickAsync();
        var form = host.GetByTestId("job-form");
        await Assertions.Expect(form.Locator("input[name=title]")).ToHaveValueAsync("食品包装工");
        await form.Locator("input[name=payMax]").FillAsync("6800");
        await host.GetByTestId("job-save").ClickAsync();

        await Assertions.Expect(host.GetByTestId("host-status")).ToHaveTextAsync("已保存修改");
        await Assertions.Expect(card).ToContainTextAsync("6800");
        await Assertions.Expect(card).ToContainTextAsync("民安华福社区", new() { Timeout = 1000 }); // the rest of the job is as it was
    }

    [Fact]
    public async Task Without_rtmp_configured_the_studio_says_obs_is_not_available()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");

        await host.GetByTestId("obs-panel").Locator("summary").ClickAsync();

        await Assertions.Expect(host.GetByTestId("obs-off")).ToHaveTextAsync("本站没有开通 OBS 推流，请直接用本页的摄像头直播。");
        await Assertions.Expect(host.GetByTestId("obs-issue")).ToHaveCountAsync(0);
    }
}

using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>
/// The path everything serves, in a real browser: an organizer schedules a session, the recruiter opens the studio,
/// a candidate asks in the live room, and the question reaches the studio without a reload.
/// </summary>
public sealed class ThinSliceTests(TestServers servers, BrowserFixture browser) : IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Question_asked_by_a_candidate_appears_in_the_recruiters_studio_live(Mode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var deployment = await Deployment.StartAsync(mode, servers, ct);
        try
        {
            var title = $"测试直播 {Guid.NewGuid():N}"[..16];

            var organizer = await browser.NewPersonAsync(deployment.BaseUrl);
            await People.SignInAsync(organizer, People.Organizer);
            await organizer.GotoAsync("/organizer/sessions");
            await organizer.GetByTestId("schedule-employer").SelectOptionAsync(new SelectOptionValue { Label = People.FoodEmployer });
            await organizer.GetByTestId("schedule-title").FillAsync(title);
            await organizer.GetByTestId("schedule-submit").ClickAsync();
            await Assertions.Expect(organizer.GetByTestId("schedule-done")).ToContainTextAsync(title);
            var watchLink = organizer.GetByTestId("scheduled-sessions").Locator("li", new() { HasText = title }).Locator("a");
            var sessionPath = await watchLink.GetAttributeAsync("href");
            sessionPath.ShouldNotBeNull().ShouldStartWith("/live/");

            var recruiter = await browser.NewPersonAsync(deployment.BaseUrl);
            await People.SignInAsync(recruiter, People.Recruiter);
            await recruiter.GotoAsync("/studio");
            await recruiter.GetByTestId("studio-sessions").Locator("li", new() { HasText = title }).GetByTestId("open-studio").ClickAsync();
            await Assertions.Expect(recruiter.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

            var candidate = await browser.NewPersonAsync(deployment.BaseUrl);
            await People.SignInAsync(candidate, People.Candidate);
            await candidate.GotoAsync(sessionPath);
            await Assertions.Expect(candidate.GetByTestId("connection-state")).ToHaveTextAsync("已连接");
            // Two people are in the room now; the studio's count follows without a reload.
            await Assertions.Expect(recruiter.GetByTestId("viewer-count")).ToHaveTextAsync("2");
            await Assertions.Expect(recruiter.GetByTestId("viewers")).ToContainTextAsync("陈小红"); // the host sees who is watching

            const string question = "请问包装工有夜班吗？<b>不是HTML</b>";
            await candidate.GetByTestId("ask-text").FillAsync(question);
            await candidate.GetByTestId("ask-submit").ClickAsync();
            await Assertions.Expect(candidate.GetByTestId("ask-status")).ToHaveTextAsync("已发送");

            var arrived = recruiter.GetByTestId("questions").Locator("li[data-testid=question]");
            await Assertions.Expect(arrived).ToHaveCountAsync(1);
            await Assertions.Expect(arrived.First).ToContainTextAsync(question); // shown as text: the tags are visible, not rendered
            await Assertions.Expect(arrived.First).ToContainTextAsync("陈小红");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Shouldly.ShouldAssertException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n\nLogs:\n{Tail(deployment.Logs)}");
        }
    }

    private static string Tail(string log) => log.Length <= 8000 ? log : log[^8000..];
}

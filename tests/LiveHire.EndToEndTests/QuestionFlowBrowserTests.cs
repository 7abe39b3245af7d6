using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>Q&amp;A in real browsers on 360 px phones: ask, vote and answer reach everyone live, without a reload.</summary>
public sealed class QuestionFlowBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Asked_question_voted_and_answered_reaches_both_viewers_live()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var room = $"/live/{sessionId}";
        var text = $"宝妈岗几点下班？{Guid.NewGuid():N}"[..16];

        var asker = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(asker, People.Candidate, room);
        await asker.GotoAsync(room);
        var voter = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(voter, QuestionSessions.Candidate2, room);
        await voter.GotoAsync(room);
        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");
        foreach (var page in new[] { asker, voter, host })
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

        await asker.GetByTestId("ask-text").FillAsync(text);
        await asker.GetByTestId("ask-submit").ClickAsync();

        ILocator Question(IPage page) => page.GetByTestId("questions").GetByTestId("question").Filter(new() { HasText = text });
        await Question(voter).GetByTestId("vote").ClickAsync();
        await Assertions.Expect(Question(voter).GetByTestId("vote")).ToHaveTextAsync("▲ 1");
        await Assertions.Expect(Question(voter).GetByTestId("vote")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Question(asker).GetByTestId("vote")).ToHaveTextAsync("▲ 1");
        await Assertions.Expect(Question(host).GetByTestId("votes")).ToHaveTextAsync("▲ 1");

        await Question(host).GetByTestId("q-answer").ClickAsync();
        await host.GetByTestId("answer-text").FillAsync("15:00 下班，<b>不耽误</b>接孩子");
        await host.GetByTestId("answer-submit").ClickAsync();

        foreach (var viewer in new[] { asker, voter })
        {
            await Assertions.Expect(Question(viewer).GetByTestId("question-answer")).ToContainTextAsync("15:00 下班，<b>不耽误</b>接孩子");
            await Assertions.Expect(Question(viewer).GetByTestId("answered-badge")).ToBeVisibleAsync();
            await Assertions.Expect(Question(viewer).GetByTestId("vote")).ToHaveTextAsync("▲ 1");
        }
        (await Question(asker).Locator("b").CountAsync()).ShouldBe(0, "answers are plain text, never HTML");
    }
}

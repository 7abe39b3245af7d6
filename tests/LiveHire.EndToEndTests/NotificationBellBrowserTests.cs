using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>The bell in the top bar: a notice for a fair the candidate registered for arrives live, and the centre lists it.</summary>
public sealed class NotificationBellBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Registered_candidate_sees_the_cancellation_notice_arrive_in_the_bell_without_reloading()
    {
        var ct = TestContext.Current.CancellationToken;
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);
        using var created = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = "退役军人专场", kind = "Once", firstDate = tomorrow, localStart = "14:00:00", durationMinutes = 120, targetGroups = new[] { "Veterans" },
            industries = new[] { "安保" },
        }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fairs = JsonDocument.Parse(await organizer.Http.GetStringAsync("/api/v1/fairs?industry=安保", ct)).RootElement;
        var fairId = fairs.EnumerateArray().Single().GetProperty("id").GetGuid();
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        (await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{fairId}/registrations", new { }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(page, People.Candidate);
        await page.GotoAsync("/");
        var count = page.GetByTestId("bell-count");
        var before = int.Parse(await count.TextContentAsync() ?? "0");
        await Assertions.Expect(page.GetByTestId("bell")).ToHaveAttributeAsync("data-connected", "true");

        (await organizer.Http.PostAsync($"/api/v1/fairs/{fairId}/cancel", null, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString());
        await Assertions.Expect(page.GetByTestId("bell-toast")).ToContainTextAsync("招聘会取消：退役军人专场");
        await page.GetByTestId("bell").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification").First).ToContainTextAsync("退役军人专场");
        await page.GetByTestId("read-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bell-count")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_notification_centre_asks_an_anonymous_visitor_to_sign_in()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);

        await page.GotoAsync("/notifications");

        page.Url.ShouldContain("/account/login", Case.Insensitive);
    }
}

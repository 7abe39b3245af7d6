using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Reminders end to end on the Embedded deployment, with its real job server: a fair whose reminder offset makes one due
/// in a few seconds; the server's due-notice watcher (every 5 s) sends it, so no test waits for a minutely run.
/// </summary>
public sealed class ReminderDeliveryTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(10);

    /// <summary>A fair (reminders <see cref="Lead"/> before) with one session whose reminder is due <paramref name="inAbout"/> from now.</summary>
    private async Task<(Guid FairId, Guid SessionId, DateTimeOffset DueAt)> SessionDueSoonAsync(string title, TimeSpan inAbout, CancellationToken ct)
    {
        var due = DateTimeOffset.UtcNow + inAbout;
        var start = due + Lead;
        var localStart = TimeZoneInfo.ConvertTime(start, Beijing);
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        var industry = $"提醒{Guid.NewGuid():N}"[..10];
        using var created = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = title + "招聘会", kind = "Once", firstDate = DateOnly.FromDateTime(localStart.DateTime), localStart = $"{localStart:HH:mm}:00",
            durationMinutes = 120, industries = new[] { industry }, reminderMinutes = new[] { (int)Lead.TotalMinutes },
        }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var fairId = JsonDocument.Parse(await organizer.Http.GetStringAsync($"/api/v1/fairs?industry={Uri.EscapeDataString(industry)}", ct))
            .RootElement.EnumerateArray().Single().GetProperty("id").GetGuid();
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var scheduled = await organizer.Http.PostAsJsonAsync("/api/v1/sessions",
            new { employerId = demo.FoodEmployerId, fairId, title, start, end = start.AddHours(1) }, ct);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync(ct));
        return (fairId, JsonDocument.Parse(await scheduled.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid(), due);
    }

    [Fact]
    public async Task A_candidate_registers_for_a_session_on_the_fairs_page_and_its_reminder_arrives_in_the_bell_without_reloading()
    {
        var ct = TestContext.Current.CancellationToken;
        var (fairId, sessionId, _) = await SessionDueSoonAsync("叉车司机专场", TimeSpan.FromSeconds(25), ct);
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(page, People.Candidate);

        await page.GetByTestId("nav-fairs").ClickAsync();
        var session = page.Locator($"[data-session-id='{sessionId}']");
        await session.GetByTestId("register").ClickAsync();

        await Assertions.Expect(page.GetByTestId("fairs-outcome")).ToContainTextAsync("报名成功");
        await Assertions.Expect(page.Locator($"[data-fair-id='{fairId}'] [data-session-id='{sessionId}']").GetByTestId("registered")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("bell")).ToHaveAttributeAsync("data-connected", "true");
        await Assertions.Expect(page.GetByTestId("bell-toast")).ToContainTextAsync("招聘会提醒：「叉车司机专场」直播", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_reminder_due_while_the_process_was_down_arrives_once_after_it_starts_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var (fairId, sessionId, due) = await SessionDueSoonAsync("焊工专场", TimeSpan.FromSeconds(10), ct);
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, ct);
        (await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{fairId}/registrations", new { sessionId }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Down from before the reminder is due until after it: once back, the job server finds it due and sends it.
        var process = app.Deployment.Embedded!;
        await process.KillAsync();
        while (DateTimeOffset.UtcNow < due.AddSeconds(3)) await Task.Delay(500, ct);
        await process.StartAgainAsync(cancellationToken: ct);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<JsonElement> reminders;
        do
        {
            await Task.Delay(1000, ct);
            var inbox = JsonDocument.Parse(await candidate.Http.GetStringAsync("/api/v1/notifications", ct)).RootElement;
            reminders = [.. inbox.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "Reminder")];
        } while (reminders.Count == 0 && DateTime.UtcNow < deadline);
        reminders.Count.ShouldBe(1, "delivered after the restart, once");
        reminders[0].GetProperty("link").GetString().ShouldBe($"/live/{sessionId}");
    }
}

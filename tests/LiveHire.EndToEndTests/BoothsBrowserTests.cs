using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>The booth flow in real browsers on 360 px phones, from an employer's application to a candidate reading the timetable.</summary>
public sealed class BoothsBrowserTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Employer_applies_organizer_approves_recruiter_books_and_a_candidate_sees_the_slot_on_the_timetable()
    {
        var ct = TestContext.Current.CancellationToken;
        using var organizerApi = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);
        // 07:00, before the other tests' fairs of the same day, so it is among the first the studio lists.
        using var created = await organizerApi.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = "早市招聘会", kind = "Once", firstDate = tomorrow, localStart = "07:00:00", durationMinutes = 120, targetGroups = new[] { "Everyone" },
            industries = new[] { "展位浏览器" },
        }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fairId = JsonDocument.Parse(await organizerApi.Http.GetStringAsync("/api/v1/fairs?industry=展位浏览器", ct)).RootElement
            .EnumerateArray().Single().GetProperty("id").GetGuid();

        var recruiter = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(recruiter, People.OtherRecruiter);
        await recruiter.GetByTestId("nav-booths").ClickAsync();
        var myFair = recruiter.Locator($"[data-testid=my-booth][data-fair-id='{fairId}']");
        await myFair.GetByTestId("booth-apply").ClickAsync();
        await Assertions.Expect(myFair.GetByTestId("my-booth-status")).ToHaveTextAsync("待审核");

        var organizer = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(organizer, People.Organizer);
        await organizer.GotoAsync($"/organizer/booths?fairId={fairId}");
        var booth = organizer.GetByTestId("booth").Filter(new() { HasText = "山城物流有限公司" });
        await booth.GetByTestId("booth-approve").ClickAsync();
        await Assertions.Expect(booth.GetByTestId("booth-status")).ToHaveTextAsync("已通过");
        await Assertions.Expect(booth).ToContainTextAsync("已认证");

        await recruiter.ReloadAsync();
        await Assertions.Expect(myFair.GetByTestId("my-booth-status")).ToHaveTextAsync("已通过");
        await myFair.GetByTestId("slot-title").FillAsync("夜班分拣员 现场答疑");
        await myFair.GetByTestId("slot-minutes").SelectOptionAsync("60");
        await myFair.GetByTestId("slot-book").ClickAsync();
        await Assertions.Expect(myFair.GetByTestId("my-slot")).ToContainTextAsync("07:00–08:00 夜班分拣员 现场答疑");

        // A browser that ignores `required` (old phones do) sends no start: the page says so, in Chinese, and books nothing.
        await myFair.GetByTestId("slot-start").EvaluateAsync("input => { input.required = false; input.value = ''; }");
        await myFair.GetByTestId("slot-title").FillAsync("没有开始时间");
        await myFair.GetByTestId("slot-book").ClickAsync();
        await Assertions.Expect(recruiter.GetByTestId("my-booths-notice")).ToHaveTextAsync("有必填的项目没有填写，请检查");
        await Assertions.Expect(myFair.GetByTestId("my-slot")).ToHaveCountAsync(1);

        var candidate = await browser.NewPersonAsync(app.BaseUrl);
        await candidate.GotoAsync($"/fairs/{fairId}/timetable");

        var slot = candidate.GetByTestId("timetable-slot");
        await Assertions.Expect(slot).ToHaveCountAsync(1);
        await Assertions.Expect(slot).ToContainTextAsync("07:00");
        await Assertions.Expect(slot.GetByTestId("timetable-employer")).ToHaveTextAsync("山城物流有限公司");
        await Assertions.Expect(slot.GetByTestId("timetable-marker")).ToHaveTextAsync("未开始");
        var sessionId = await slot.GetAttributeAsync("data-session-id");
        await Assertions.Expect(slot.GetByTestId("timetable-watch")).ToHaveAttributeAsync("href", $"/live/{sessionId}");
        (await candidate.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"))
            .ShouldBeLessThanOrEqualTo(0, "the timetable fits a 360 px phone");
    }
}

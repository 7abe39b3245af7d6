using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>What every person sees: Chinese first, English on request, nothing fetched from the internet, on a 360 px phone.</summary>
public sealed class UiTests(EmbeddedDeploymentFixture app, BrowserFixture browser) : IClassFixture<EmbeddedDeploymentFixture>, IAsyncDisposable
{
    /// <summary>After each test: closes the people it opened in the browser (<see cref="BrowserFixture.CloseEveryoneAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(browser.CloseEveryoneAsync());

    [Fact]
    public async Task Pages_are_chinese_by_default_and_switch_to_english_and_back()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("直播招聘会");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Live job fairs");
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.GetByTestId("login-submit")).Not.ToContainTextAsync("登录");

        await page.GetByTestId("lang-zh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-submit")).ToContainTextAsync("登录");
    }

    [Fact]
    public async Task An_organizer_is_told_why_a_session_cannot_be_scheduled_in_their_own_language()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(page, People.Organizer);
        var errors = page.GetByTestId("schedule-errors");

        // The validator's words, the domain's (a time in the past) and model binding's (an emptied date), all in Chinese.
        await TryToScheduleAsync(page, "2030-03-02T10:00", "2030-03-02T09:00");
        await Assertions.Expect(errors).ToContainTextAsync("结束时间要晚于开始时间");
        await TryToScheduleAsync(page, "2020-03-02T10:00", "2020-03-02T11:00");
        await Assertions.Expect(errors).ToContainTextAsync("不能安排在已经过去的时间");
        await TryToScheduleAsync(page, "", "2030-03-02T11:00");
        await Assertions.Expect(errors).ToContainTextAsync("有必填的项目没有填写");
        (await errors.InnerTextAsync()).ShouldNotMatch("[A-Za-z]", "no English reaches a Chinese page");

        await page.GetByTestId("lang-en").ClickAsync();
        await TryToScheduleAsync(page, "2030-03-02T10:00", "2030-03-02T09:00");
        await Assertions.Expect(errors).ToContainTextAsync("The end must be after the start");
        await TryToScheduleAsync(page, "2020-03-02T10:00", "2020-03-02T11:00");
        await Assertions.Expect(errors).ToContainTextAsync("A session cannot be scheduled in the past");
        await Assertions.Expect(page.GetByTestId("scheduled-sessions")).Not.ToContainTextAsync("错误时间");
    }

    private static async Task TryToScheduleAsync(IPage page, string start, string end)
    {
        await page.GotoAsync("/organizer/sessions");
        await page.GetByTestId("schedule-employer").SelectOptionAsync(new SelectOptionValue { Label = People.FoodEmployer });
        await page.GetByTestId("schedule-title").FillAsync("错误时间的场次");
        await page.GetByTestId("schedule-start").FillAsync(start);
        await page.GetByTestId("schedule-end").FillAsync(end);
        // The caller's next step waits for the answer: each try starts from a fresh page, so its errors are this post's.
        await page.GetByTestId("schedule-submit").ClickAsync();
    }

    [Fact]
    public async Task No_page_loads_anything_from_outside_this_server()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var page = await browser.NewPersonAsync(app.BaseUrl);
        var outside = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host is "127.0.0.1" or "localhost" || url.Scheme is "data" or "blob") await route.ContinueAsync();
            else { lock (outside) outside.Add(route.Request.Url); await route.AbortAsync(); }
        });

        await People.SignInAsync(page, People.Candidate);
        foreach (var path in new[] { "/", $"/live/{sessionId}", "/account/register", "/api/reference" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("LiveHire API");

        outside.ShouldBeEmpty();
    }

    /// <summary>axe gathers only what fails (by default it also lists every node that passed, which nobody reads here).</summary>
    private static readonly AxeRunOptions OnlyViolations = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>What axe-core finds wrong on the page as it is now, a line each: impact, rule, and the elements.</summary>
    private static async Task<IEnumerable<string>> AxeViolationsAsync(IPage page) =>
        (await page.RunAxe(OnlyViolations)).Violations.Select(v =>
            $"{v.Impact} {v.Id} ({v.Help}): {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");

    /// <summary>
    /// Elements with the hidden attribute that the page shows all the same: a class that sets display beats the browser's own
    /// [hidden] rule, which is how the studio showed its answer box with no question chosen and a stop button before a start.
    /// </summary>
    private static Task<string[]> ShownThoughHiddenAsync(IPage page) => page.EvaluateAsync<string[]>(
        "[...document.querySelectorAll('[hidden]')].filter(e => getComputedStyle(e).display !== 'none')" +
        ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''))");

    /// <summary>What is wrong with the page as it is now: axe-core's violations, then elements hidden yet shown.</summary>
    private static async Task<IEnumerable<string>> PageProblemsAsync(IPage page) =>
        (await AxeViolationsAsync(page)).Concat((await ShownThoughHiddenAsync(page)).Select(element => $"hidden, yet shown: {element}"));

    [Fact]
    public async Task The_live_room_in_use_passes_an_accessibility_check_for_its_host_and_a_candidate()
    {
        // The walk above sees each page as it loads; the live room's parts appear as people use it: a presented job's card, the
        // apply sheet, questions with their vote and moderation buttons, the answer box, the new-job form, the viewers list.
        var sessionId = await app.LiveSessionIdAsync();
        var room = $"/live/{sessionId}";
        var text = $"夜班有补贴吗？{Guid.NewGuid():N}"[..14];
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string state)
        {
            problems.AddRange((await PageProblemsAsync(page)).Select(problem => $"{state}: {problem}"));
        }

        var host = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(host, People.Recruiter);
        await host.GotoAsync($"/studio/{sessionId}");
        var candidate = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(candidate, People.Candidate, room);
        await candidate.GotoAsync(room);
        foreach (var page in new[] { host, candidate })
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

        await host.GetByTestId("lineup-job").Filter(new() { HasText = "门店营业员" }).GetByTestId("present-job").ClickAsync();
        var card = candidate.GetByTestId("current-job");
        await Assertions.Expect(card.GetByTestId("job-title")).ToHaveTextAsync("门店营业员（宝妈岗）");
        await candidate.GetByTestId("ask-text").FillAsync(text);
        await candidate.GetByTestId("ask-submit").ClickAsync();
        ILocator Question(IPage page) => page.GetByTestId("questions").GetByTestId("question").Filter(new() { HasText = text });
        await Assertions.Expect(Question(candidate).GetByTestId("vote")).ToBeVisibleAsync();
        await CheckAsync(candidate, "candidate, a job presented and a question asked");

        await card.GetByTestId("apply-button").ClickAsync();
        await Assertions.Expect(candidate.GetByTestId("apply-file")).ToBeVisibleAsync();
        await CheckAsync(candidate, "candidate, the apply sheet open");

        await Assertions.Expect(Question(host).GetByTestId("q-answer")).ToBeVisibleAsync();
        await CheckAsync(host, "host, a question with its moderation buttons");
        await Question(host).GetByTestId("q-answer").ClickAsync();
        await Assertions.Expect(host.GetByTestId("answer-text")).ToBeVisibleAsync();
        await CheckAsync(host, "host, the answer box open");
        await host.GetByTestId("answer-text").FillAsync("有，每晚 30 元");
        await host.GetByTestId("answer-submit").ClickAsync();
        await Assertions.Expect(Question(candidate).GetByTestId("answered-badge")).ToBeVisibleAsync();
        await CheckAsync(candidate, "candidate, the question answered");

        await host.GetByTestId("new-job").ClickAsync();
        await Assertions.Expect(host.GetByTestId("job-form")).ToBeVisibleAsync();
        await CheckAsync(host, "host, the new-job form open");

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_loads_all_it_asks_for_passes_an_accessibility_check_and_shows_the_sites_icon()
    {
        var sessionId = await app.LiveSessionIdAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseUrl };
        var fairId = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/fairs", TestContext.Current.CancellationToken)).RootElement[0]
            .GetProperty("id").GetGuid();
        var visits = new (string? Person, string[] Paths)[]
        {
            (null, ["/", "/jobs", "/fairs", $"/fairs/{fairId}/timetable", "/account/login", "/account/login?tab=phone", "/account/register",
                $"/live/{sessionId}", "/no-such-page"]),
            (People.Candidate, ["/me", "/me/profile", "/me/settings", "/me/schedule", "/me/recommendations", "/me/applications", "/notifications",
                $"/live/{sessionId}"]),
            (People.Recruiter, ["/studio", "/studio/board", "/studio/booths", $"/studio/{sessionId}"]),
            (People.Organizer, ["/organizer/sessions", "/organizer/booths", "/organizer/recommendations"]),
            (People.Admin, ["/admin/outbox"]),
        };
        var problems = new List<string>();
        // The roles walk side by side, each in its own browser context (axe takes about a second a page, in the browser): the walk
        // took 58 s one role after another, about 48 s side by side on 2 cores.
        await Task.WhenAll(visits.Select(async visit =>
        {
            var (person, paths) = visit;
            var page = await browser.NewPersonAsync(app.BaseUrl);
            var at = "";
            void Problem(string what) { lock (problems) problems.Add($"{person ?? "anonymous"} {at}: {what}"); }
            // A missing favicon only shows as a console error: the browser's own request is not a page request.
            page.Console += (_, m) => { if (m.Type == "error" && !Expected(at, m.Text)) Problem($"console: {m.Text}"); };
            page.PageError += (_, e) => Problem($"script: {e}");
            page.Response += (_, r) => { if (r.Status >= 400 && !Expected(at, r.Url)) Problem($"{r.Status} {r.Url}"); };
            page.RequestFailed += (_, r) => Problem($"failed {r.Url} {r.Failure}");
            if (person is not null) await People.SignInAsync(page, person);
            foreach (var path in paths)
            {
                at = path;
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                // axe-core's WCAG 2 A/AA rules and best practices, every impact: names for every control, contrast (the brand red as
                // text on the grey page was 4.3:1), distinct landmarks, a title and a language on every page, the 404 page included.
                foreach (var problem in await PageProblemsAsync(page)) Problem(problem);
            }
        }));
        problems.ShouldBeEmpty();

        // The one 404 that belongs here: the page for an address that leads nowhere.
        static bool Expected(string at, string said) => at == "/no-such-page" && (said.EndsWith("/no-such-page", StringComparison.Ordinal) || said.Contains("404"));

        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        var ct = TestContext.Current.CancellationToken;
        var html = await http.GetStringAsync("/", ct);
        var icons = System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"icon\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        icons.Count.ShouldBe(2, "the layout links the .ico and the .svg");
        icons[0].ShouldStartWith("/favicon.ico?v=");
        icons[1].ShouldStartWith("/favicon.svg?v=");
        foreach (var (url, type) in icons.Zip(["image/x-icon", "image/svg+xml"]).Append(("/favicon.ico", "image/x-icon")))
        {
            using var icon = await http.GetAsync(url, ct);
            icon.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, url);
            icon.Content.Headers.ContentType!.MediaType.ShouldBe(type, url);
            if (url.Contains("?v=", StringComparison.Ordinal)) icon.Headers.CacheControl!.ToString().ShouldContain("immutable", customMessage: url);
        }
    }

    [Fact]
    public async Task An_address_that_leads_nowhere_is_a_page_with_a_way_home_and_the_api_still_answers_problem_details()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);

        foreach (var path in new[] { "/jobz", $"/replay/{Guid.NewGuid()}" })
        {
            var answer = await page.GotoAsync(path);
            answer!.Status.ShouldBe(404, path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("找不到这个页面");
            await Assertions.Expect(page.GetByTestId("error-body")).ToHaveTextAsync("这个链接可能已经过期，或者网址有误。");
        }
        await page.GetByTestId("error-home").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("直播招聘会");

        // A program (anything not asking for HTML, and anything under /api) still gets ProblemDetails.
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        foreach (var (path, accept) in new[] { ("/jobz", "application/json"), ("/api/v1/nope", "text/html,application/xhtml+xml,*/*;q=0.8") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", path);
        }
    }

    [Fact]
    public async Task A_form_posted_from_a_page_that_went_stale_says_to_reload_and_is_not_logged_as_a_fault()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await page.GotoAsync("/fairs");
        // The antiforgery cookie goes (a browser cleared, a phone that kept the page for days): the form's token no longer matches.
        await page.Context.ClearCookiesAsync();

        var answer = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("lang-en").ClickAsync(),
            r => r.Url.EndsWith("/culture", StringComparison.Ordinal));

        answer.Status.ShouldBe(400);
        await Assertions.Expect(page.GetByTestId("error-body")).ToHaveTextAsync("这个页面可能已经过期。请返回上一页，刷新后再试一次。");
        await Assertions.Expect(page.Locator("code")).Not.ToBeEmptyAsync();
        app.Deployment.ErrorsMentioning("anti-forgery").ShouldBeEmpty();

        await page.GotoAsync("/fairs");
        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Upcoming fairs");
    }

    [Fact]
    public async Task Pages_fit_a_360_px_phone_without_sideways_scrolling()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(page, People.Organizer);
        foreach (var path in new[] { "/", $"/live/{sessionId}", "/organizer/sessions", "/account/login?tab=phone" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is wider than the phone");
        }
    }

    [Fact]
    public async Task Anonymous_viewer_is_sent_to_sign_in_and_comes_back_to_the_room()
    {
        var sessionId = await app.LiveSessionIdAsync();
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await page.GotoAsync($"/live/{sessionId}");
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("已连接");

        await page.GetByTestId("sign-in-to-ask").ClickAsync();
        await page.GetByTestId("login-email").FillAsync(People.Candidate);
        await page.GetByTestId("login-password").FillAsync(People.Password);
        await page.GetByTestId("login-submit").ClickAsync();

        await page.WaitForURLAsync($"**/live/{sessionId}");
        await Assertions.Expect(page.GetByTestId("ask-text")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_candidate_on_a_phone_has_a_short_top_bar_finds_their_own_pages_behind_me_and_signs_out_there()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await People.SignInAsync(page, People.Candidate);
        await page.GotoAsync("/");

        // Ten links, the bell, the name and sign-out used to wrap into four rows on a 360 px phone.
        (await BarRowsAsync(page)).ShouldBeLessThanOrEqualTo(2, "the top bar of a 360 px phone");
        foreach (var ownPage in new[] { "nav-schedule", "nav-mine", "nav-recommendations", "nav-profile", "nav-settings", "signed-in-as" })
            await Assertions.Expect(page.GetByTestId(ownPage)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("nav-fairs")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("bell")).ToBeVisibleAsync();

        await page.GetByTestId("nav-me").ClickAsync();
        await page.WaitForURLAsync("**/me");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的");
        await Assertions.Expect(page.GetByTestId("me-name")).ToContainTextAsync("陈小红");
        await Assertions.Expect(page.Locator(".me-links a")).ToHaveTextAsync(["我的日程", "我的投递", "为你推荐", "我的资料", "提醒设置", "通知"]);
        await page.GetByTestId("me-mine").ClickAsync();
        await page.WaitForURLAsync("**/me/applications");

        await page.GetByTestId("nav-me").ClickAsync();
        await page.GetByTestId("me-sign-out").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-me")).ToHaveCountAsync(0);
        await page.GotoAsync("/me");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?returnurl=%2fme$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task On_a_wide_screen_a_persons_own_pages_are_in_the_top_bar_and_signing_out_is_one_tap()
    {
        var page = await browser.NewPersonAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(1024, 740);
        await People.SignInAsync(page, People.Candidate);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("nav-me")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("陈小红");
        await page.GetByTestId("nav-mine").ClickAsync();
        await page.WaitForURLAsync("**/me/applications");

        await page.GetByTestId("lang-en").ClickAsync();
        await page.SetViewportSizeAsync(360, 740);
        await Assertions.Expect(page.GetByTestId("nav-me")).ToHaveTextAsync("Me");
        await page.SetViewportSizeAsync(1024, 740);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    }

    /// <summary>How many rows the top bar's visible items (the brand and the nav's links, bell and buttons) take.</summary>
    private static Task<int> BarRowsAsync(IPage page) => page.EvaluateAsync<int>("""
        () => new Set([...document.querySelectorAll('.topbar .brand, .topbar .nav > *')]
            .filter(e => e.getClientRects().length > 0)
            .map(e => Math.round(e.getBoundingClientRect().top / 8))).size
        """);
}

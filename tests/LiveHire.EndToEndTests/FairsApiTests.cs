using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Fair series over the API: organizers create series (editions exist at once) and cancel or move an edition; candidates
/// browse and register; everyone a change affects finds it in their notification centre. Each test makes its own series.
/// </summary>
public sealed class FairsApiTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly Tomorrow => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).DateTime).AddDays(1);

    /// <summary>A weekly series from tomorrow, tagged with its own industry so a test finds exactly its editions.</summary>
    private static object WeeklySeries(string industry) => new
    {
        title = "每周一聘·" + industry, description = "家门口就业", kind = "Weekly", firstDate = Tomorrow, localStart = "09:00:00",
        durationMinutes = 180, weekday = (int)Tomorrow.DayOfWeek, districts = new[] { "九龙坡区" },
        targetGroups = new[] { "LaidOffWorkers", "StayAtHomeMothers" }, industries = new[] { industry },
    };

    private sealed record FairRow(Guid Id, Guid? SeriesId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string[] Industries);
    private sealed record InboxRow(int Unread, List<ItemRow> Items);
    private sealed record ItemRow(Guid Id, string Kind, string Title, string Body, string? Link, bool Read);
    private sealed record SessionRow(Guid Id, Guid? FairId, string Status, DateTimeOffset ScheduledStart);

    private async Task<List<FairRow>> CreateSeriesAsync(string industry, CancellationToken ct)
    {
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        using var created = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", WeeklySeries(industry), ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("editionsGenerated").GetInt32().ShouldBe(8);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        return (await anonymous.Http.GetFromJsonAsync<List<FairRow>>($"/api/v1/fairs?industry={Uri.EscapeDataString(industry)}", ct))!;
    }

    private static async Task<InboxRow> InboxAsync(SignedInClient client, CancellationToken ct) =>
        (await client.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", ct))!;

    [Fact]
    public async Task Weekly_series_has_eight_weeks_of_editions_at_nine_Beijing_time_that_candidates_can_filter()
    {
        var ct = TestContext.Current.CancellationToken;

        var editions = await CreateSeriesAsync("食品加工", ct);

        editions.Count.ShouldBe(8);
        editions.Select(e => TimeZoneInfo.ConvertTime(e.StartsAt, Beijing).TimeOfDay).Distinct().ShouldBe([TimeSpan.FromHours(9)]);
        editions.Zip(editions.Skip(1)).ShouldAllBe(p => p.Second.StartsAt - p.First.StartsAt == TimeSpan.FromDays(7));
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>("/api/v1/fairs?industry=食品加工&group=Veterans", ct))!.ShouldBeEmpty();
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>("/api/v1/fairs?industry=食品加工&group=StayAtHomeMothers&district=九龙坡区", ct))!.Count.ShouldBe(8);
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>("/api/v1/fairs?industry=食品加工&group=stayathomemothers", ct))!.Count.ShouldBe(8, "a group's name in any case");
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>($"/api/v1/fairs?industry=食品加工&from={Tomorrow:yyyy-MM-dd}&to={Tomorrow:yyyy-MM-dd}", ct))!
            .Single().Id.ShouldBe(editions[0].Id);
    }

    [Fact]
    public async Task Cancelling_an_edition_tells_registered_candidates_and_booth_recruiters_and_cancels_its_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var edition = (await CreateSeriesAsync("物流仓储", ct))[0];
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);
        using var scheduled = await organizer.Http.PostAsJsonAsync("/api/v1/sessions", new
        {
            employerId = demo.FoodEmployerId, fairId = edition.Id, title = "渝味食品 专场", start = edition.StartsAt.AddHours(1), end = edition.StartsAt.AddHours(2),
        }, ct);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Created);
        var sessionId = JsonDocument.Parse(await scheduled.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid();
        (await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/registrations", new { }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var candidateBefore = (await InboxAsync(candidate, ct)).Unread;
        var recruiterBefore = (await InboxAsync(recruiter, ct)).Unread;

        using var cancelled = await organizer.Http.PostAsync($"/api/v1/fairs/{edition.Id}/cancel", null, ct);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var candidateInbox = await InboxAsync(candidate, ct);
        candidateInbox.Unread.ShouldBe(candidateBefore + 1);
        candidateInbox.Items[0].Kind.ShouldBe("FairCancelled");
        candidateInbox.Items[0].Title.ShouldContain("物流仓储");
        (await InboxAsync(recruiter, ct)).Unread.ShouldBe(recruiterBefore + 1, "the food company has a session in the fair");
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.ShouldNotContain(s => s.Id == sessionId);
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>("/api/v1/fairs?industry=物流仓储", ct))!.ShouldNotContain(f => f.Id == edition.Id);
        (await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/registrations", new { }, ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moving_an_edition_moves_its_sessions_and_tells_the_registered_candidate_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var edition = (await CreateSeriesAsync("家政服务", ct))[1];
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        using var first = await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/registrations", new { }, ct);
        using var again = await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/registrations", new { }, ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a second tap returns the registration already made");
        var before = (await InboxAsync(candidate, ct)).Unread;

        using var moved = await organizer.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/move",
            new { startsAt = edition.StartsAt.AddHours(5), endsAt = edition.EndsAt.AddHours(5) }, ct);

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var inbox = await InboxAsync(candidate, ct);
        inbox.Unread.ShouldBe(before + 1, "registered twice, told once");
        inbox.Items[0].Kind.ShouldBe("FairMoved");
        inbox.Items[0].Body.ShouldContain("14:00");
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>("/api/v1/fairs?industry=家政服务", ct))!
            .Single(f => f.Id == edition.Id).StartsAt.ShouldBe(edition.StartsAt.AddHours(5));
    }

    [Fact]
    public async Task Registered_fair_is_in_my_schedule_with_a_calendar_file_in_Beijing_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var edition = (await CreateSeriesAsync("电子装配", ct))[2];
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        (await candidate.Http.PostAsJsonAsync($"/api/v1/fairs/{edition.Id}/registrations", new { }, ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var schedule = JsonDocument.Parse(await candidate.Http.GetStringAsync("/api/v1/me/schedule", ct)).RootElement;
        var item = schedule.EnumerateArray().Single(i => i.GetProperty("fairId").GetGuid() == edition.Id);
        using var ics = await candidate.Http.GetAsync(item.GetProperty("calendarUrl").GetString(), ct);

        ics.StatusCode.ShouldBe(HttpStatusCode.OK);
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await ics.Content.ReadAsStringAsync(ct);
        text.ShouldContain("BEGIN:VTIMEZONE");
        text.ShouldContain("TZID:Asia/Shanghai");
        text.ShouldContain($"DTSTART;TZID=Asia/Shanghai:{TimeZoneInfo.ConvertTime(edition.StartsAt, Beijing):yyyyMMdd}T090000");
        text.ShouldContain("SUMMARY:每周一聘·电子装配");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    public async Task My_schedule_is_for_candidates(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.GetAsync("/api/v1/me/schedule", ct);

        response.StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_organizers_create_cancel_or_move_fairs(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var fairId = (await DemoFairAsync(ct));
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var create = await client.Http.PostAsJsonAsync("/api/v1/fair-series", WeeklySeries("不该出现"), ct);
        using var cancel = await client.Http.PostAsync($"/api/v1/fairs/{fairId}/cancel", null, ct);
        using var move = await client.Http.PostAsJsonAsync($"/api/v1/fairs/{fairId}/move",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2) }, ct);

        create.StatusCode.ShouldBe(expected);
        cancel.StatusCode.ShouldBe(expected);
        move.StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    public async Task Only_candidates_register_for_fairs(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var fairId = await DemoFairAsync(ct);
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.PostAsJsonAsync($"/api/v1/fairs/{fairId}/registrations", new { }, ct);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task A_candidate_chooses_email_instead_of_sms_and_cannot_choose_sms_without_a_phone_number()
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await People.SignUpCandidateAsync(app.BaseUrl, ct);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);

        using var chosen = await candidate.Http.PutAsJsonAsync("/api/v1/me/settings", new { sms = false, email = true }, ct);
        using var refused = await candidate.Http.PutAsJsonAsync("/api/v1/me/settings", new { sms = true, email = true }, ct);
        using var stranger = await anonymous.Http.PutAsJsonAsync("/api/v1/me/settings", new { sms = false, email = false }, ct);

        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var now = JsonDocument.Parse(await candidate.Http.GetStringAsync("/api/v1/me/settings", ct)).RootElement;
        (now.GetProperty("sms").GetBoolean(), now.GetProperty("email").GetBoolean()).ShouldBe((false, true), "the refused change lost nothing");
        (await anonymous.Http.GetAsync("/api/v1/me/settings", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_candidate_cancels_only_their_own_registration_and_it_leaves_their_schedule()
    {
        var ct = TestContext.Current.CancellationToken;
        var fairId = await DemoFairAsync(ct);
        using var mine = await People.SignUpCandidateAsync(app.BaseUrl, ct);
        using var other = await People.SignUpCandidateAsync(app.BaseUrl, ct);
        using var registered = await mine.Http.PostAsJsonAsync($"/api/v1/fairs/{fairId}/registrations", new { }, ct);
        var registrationId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid();

        using var byOther = await other.Http.DeleteAsync($"/api/v1/fairs/{fairId}/registrations/{registrationId}", ct);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);
        using var byRecruiter = await recruiter.Http.DeleteAsync($"/api/v1/fairs/{fairId}/registrations/{registrationId}", ct);
        using var byMe = await mine.Http.DeleteAsync($"/api/v1/fairs/{fairId}/registrations/{registrationId}", ct);
        using var again = await mine.Http.DeleteAsync($"/api/v1/fairs/{fairId}/registrations/{registrationId}", ct);

        byOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byRecruiter.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byMe.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mine.Http.GetStringAsync("/api/v1/me/schedule", ct)).ShouldNotContain(registrationId.ToString());
    }

    [Fact]
    public async Task Notifications_are_for_signed_in_people_only()
    {
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);

        using var response = await anonymous.Http.GetAsync("/api/v1/notifications", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_series_with_an_impossible_rule_gets_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);

        using var response = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = "赶集日", kind = "MonthlyByWeekday", firstDate = Tomorrow, localStart = "09:00:00", durationMinutes = 240, weekday = 6, weekOfMonth = 5,
        }, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(ct)).ShouldContain("validation.recurrence.weekday");
    }

    [Fact]
    public async Task A_series_for_a_group_that_is_none_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        const string industry = "无此人群";

        using var response = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = "专场", kind = "Once", firstDate = Tomorrow, localStart = "09:00:00", durationMinutes = 120, targetGroups = new object[] { "Graduates", 9 },
            industries = new[] { industry },
        }, ct);

        var body = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["targetGroups[1]"]);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<List<FairRow>>($"/api/v1/fairs?industry={industry}", ct))!.ShouldBeEmpty("nothing was created");
    }

    private async Task<Guid> DemoFairAsync(CancellationToken ct)
    {
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        return (await anonymous.Http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.First(s => s.FairId is not null).FairId!.Value;
    }
}

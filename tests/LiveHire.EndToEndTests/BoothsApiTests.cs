using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Booths and the timetable over the API on the Embedded deployment (SQLite): employers apply, the fair's organizer decides,
/// approved booths book slots. Each test makes its own fair series, so its booths and slots are its own.
/// </summary>
public sealed class BoothsApiTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record FairRow(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
    private sealed record BoothRow(Guid Id, Guid EmployerId, string EmployerName, bool EmployerVerified, string Status, string? DeclineReason);
    private sealed record SlotRow(Guid Id, Guid? FairId, string Status, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd);
    private sealed record TimetableRow(Guid SessionId, string Title, string EmployerName, string Status);
    private sealed record TimetableDoc(Guid FairId, int Stages, List<TimetableRow> Sessions);
    private sealed record InboxRow(int Unread, List<ItemRow> Items);
    private sealed record ItemRow(string Kind, string Title, string Body);

    /// <summary>An edition starting tomorrow at 09:00 Beijing time, three hours long, from a series of its own.</summary>
    private async Task<FairRow> NewFairAsync(string industry)
    {
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).DateTime).AddDays(1);
        using var organizer = await SignIn(People.Organizer);
        using var created = await organizer.Http.PostAsJsonAsync("/api/v1/fair-series", new
        {
            title = "展位测试·" + industry, kind = "Once", firstDate = tomorrow, localStart = "09:00:00", durationMinutes = 180,
            districts = new[] { "九龙坡区" }, targetGroups = new[] { "Everyone" }, industries = new[] { industry },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        return (await anonymous.Http.GetFromJsonAsync<List<FairRow>>($"/api/v1/fairs?industry={Uri.EscapeDataString(industry)}", Ct))!.Single();
    }

    private Task<SignedInClient> SignIn(string who) => SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, Ct);

    private static async Task<BoothRow> ReadBooth(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<BoothRow>(Ct))!;

    private async Task<BoothRow> ApprovedBoothAsync(FairRow fair, string recruiter)
    {
        using var client = await SignIn(recruiter);
        using var applied = await client.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct);
        var booth = await ReadBooth(applied);
        using var organizer = await SignIn(People.Organizer);
        using var approved = await organizer.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/approve", null, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
        return await ReadBooth(approved);
    }

    private async Task SetTimetableAsync(FairRow fair, int capacity, int stages, int slotMinutes = 30)
    {
        using var organizer = await SignIn(People.Organizer);
        using var set = await organizer.Http.PutAsJsonAsync($"/api/v1/fairs/{fair.Id}/timetable/settings",
            new { boothCapacity = capacity, stages, slotMinutes }, Ct);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Ct));
    }

    private static Task<HttpResponseMessage> Book(SignedInClient client, FairRow fair, int fromMinute, int minutes, string title = "直播带岗") =>
        client.Http.PostAsJsonAsync($"/api/v1/fairs/{fair.Id}/slots",
            new { title, start = fair.StartsAt.AddMinutes(fromMinute), end = fair.StartsAt.AddMinutes(fromMinute + minutes) }, Ct);

    [Fact]
    public async Task Applying_twice_keeps_one_booth_and_approval_verifies_the_employer_and_tells_its_recruiters()
    {
        var fair = await NewFairAsync("展位-审核");
        using var recruiter = await SignIn(People.OtherRecruiter);
        var before = (await recruiter.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", Ct))!.Unread;

        using var first = await recruiter.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct);
        using var again = await recruiter.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a second tap returns the booth already applied for");
        var booth = await ReadBooth(first);
        (await ReadBooth(again)).Id.ShouldBe(booth.Id);
        booth.Status.ShouldBe("Applied");

        using var organizer = await SignIn(People.Organizer);
        using var approved = await organizer.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/approve", null, Ct);

        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var decided = await ReadBooth(approved);
        decided.Status.ShouldBe("Approved");
        decided.EmployerVerified.ShouldBeTrue("approving a booth verifies its employer");
        var inbox = (await recruiter.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", Ct))!;
        inbox.Unread.ShouldBe(before + 1);
        inbox.Items[0].Kind.ShouldBe("BoothApproved");
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_employer_reads_and_approval_beyond_capacity_is_refused()
    {
        var fair = await NewFairAsync("展位-容量");
        await SetTimetableAsync(fair, capacity: 1, stages: 1);
        await ApprovedBoothAsync(fair, People.Recruiter);
        using var other = await SignIn(People.OtherRecruiter);
        var booth = await ReadBooth(await other.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct));
        using var organizer = await SignIn(People.Organizer);

        using var full = await organizer.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/approve", null, Ct);
        using var noReason = await organizer.Http.PostAsJsonAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/decline", new { reason = " " }, Ct);
        using var declined = await organizer.Http.PostAsJsonAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/decline", new { reason = "展位已满，请报名下一期" }, Ct);

        full.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        declined.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadBooth(declined)).DeclineReason.ShouldBe("展位已满，请报名下一期");
        var inbox = (await other.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", Ct))!;
        inbox.Items[0].Kind.ShouldBe("BoothDeclined");
        inbox.Items[0].Body.ShouldContain("展位已满，请报名下一期");
        using var lower = await organizer.Http.PutAsJsonAsync($"/api/v1/fairs/{fair.Id}/timetable/settings", new { boothCapacity = 0, stages = 1, slotMinutes = 30 }, Ct);
        lower.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var slotsOfDeclined = await Book(other, fair, 0, 30);
        slotsOfDeclined.StatusCode.ShouldBe(HttpStatusCode.Conflict, "only an approved booth books slots");
    }

    [Fact]
    public async Task A_booths_slots_never_overlap_stages_are_never_exceeded_and_cancelling_frees_the_time()
    {
        var fair = await NewFairAsync("展位-时段");
        await SetTimetableAsync(fair, capacity: 5, stages: 1);
        await ApprovedBoothAsync(fair, People.Recruiter);
        await ApprovedBoothAsync(fair, People.OtherRecruiter);
        using var food = await SignIn(People.Recruiter);
        using var logistics = await SignIn(People.OtherRecruiter);

        using var booked = await Book(food, fair, 0, 60, "包装工专场");
        booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync(Ct));
        var slot = (await booked.Content.ReadFromJsonAsync<SlotRow>(Ct))!;
        (await Book(food, fair, 30, 60)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the booth is on air then");
        (await Book(logistics, fair, 30, 30)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the one stage is taken then");
        (await Book(logistics, fair, 60, 30)).StatusCode.ShouldBe(HttpStatusCode.Created, "back to back is not an overlap");
        (await Book(food, fair, 170, 30)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "off the grid and past the fair's end");

        using var cancelled = await food.Http.DeleteAsync($"/api/v1/fairs/{fair.Id}/slots/{slot.Id}", Ct);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Book(logistics, fair, 0, 30)).StatusCode.ShouldBe(HttpStatusCode.Created, "the cancelled slot's time is free");
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        var timetable = (await anonymous.Http.GetFromJsonAsync<TimetableDoc>($"/api/v1/fairs/{fair.Id}/timetable", Ct))!;
        timetable.Sessions.Select(s => s.EmployerName).ShouldBe(["山城物流有限公司", "山城物流有限公司"]);
    }

    [Fact]
    public async Task Concurrent_bookings_for_the_same_time_leave_one_session_on_a_one_stage_fair()
    {
        var fair = await NewFairAsync("展位-并发");
        await SetTimetableAsync(fair, capacity: 5, stages: 1);
        await ApprovedBoothAsync(fair, People.Recruiter);
        await ApprovedBoothAsync(fair, People.OtherRecruiter);
        using var food = await SignIn(People.Recruiter);
        using var logistics = await SignIn(People.OtherRecruiter);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Book(i % 2 == 0 ? food : logistics, fair, 30 * (1 + i % 3), 90)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, "every request asks for 09:30-11:00, 10:00-11:30 or 10:30-12:00, which all share 10:30-11:00");
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<TimetableDoc>($"/api/v1/fairs/{fair.Id}/timetable", Ct))!.Sessions.Count.ShouldBe(1);
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Moving_the_fair_moves_the_booked_slots_and_tells_the_booth_recruiters()
    {
        var fair = await NewFairAsync("展位-改期");
        await ApprovedBoothAsync(fair, People.OtherRecruiter);
        using var logistics = await SignIn(People.OtherRecruiter);
        (await Book(logistics, fair, 30, 30)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = (await logistics.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", Ct))!.Unread;
        using var organizer = await SignIn(People.Organizer);

        using var moved = await organizer.Http.PostAsJsonAsync($"/api/v1/fairs/{fair.Id}/move",
            new { startsAt = fair.StartsAt.AddHours(2), endsAt = fair.EndsAt.AddHours(2) }, Ct);

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mine = JsonDocument.Parse(await logistics.Http.GetStringAsync("/api/v1/me/booths", Ct)).RootElement.EnumerateArray()
            .Single(f => f.GetProperty("fairId").GetGuid() == fair.Id);
        mine.GetProperty("booth").GetProperty("status").GetString().ShouldBe("Approved");
        mine.GetProperty("slots")[0].GetProperty("scheduledStart").GetDateTimeOffset().ShouldBe(fair.StartsAt.AddHours(2).AddMinutes(30));
        (await logistics.Http.GetFromJsonAsync<InboxRow>("/api/v1/notifications", Ct))!.Unread.ShouldBe(before + 1);
        (await Book(logistics, fair, 120 + 60, 30)).StatusCode.ShouldBe(HttpStatusCode.Created, "the grid moved with the fair");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    [InlineData(People.OtherOrganizer, HttpStatusCode.NotFound)]
    public async Task Only_the_fairs_own_organizer_reviews_decides_and_sets_the_timetable(string? who, HttpStatusCode expected)
    {
        var fair = await NewFairAsync("展位-权限-" + (who ?? "anon"));
        using var applicant = await SignIn(People.OtherRecruiter);
        var booth = await ReadBooth(await applicant.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct));
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignIn(who);

        (await client.Http.GetAsync($"/api/v1/fairs/{fair.Id}/booths", Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/approve", null, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PostAsJsonAsync($"/api/v1/fairs/{fair.Id}/booths/{booth.Id}/decline", new { reason = "不符合" }, Ct)).StatusCode.ShouldBe(expected);
        (await client.Http.PutAsJsonAsync($"/api/v1/fairs/{fair.Id}/timetable/settings", new { boothCapacity = 1, stages = 1, slotMinutes = 30 }, Ct))
            .StatusCode.ShouldBe(expected);
        using var organizer = await SignIn(People.Organizer);
        (await organizer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/fairs/{fair.Id}/booths", Ct)).GetProperty("booths")[0]
            .GetProperty("status").GetString().ShouldBe("Applied", "nothing was decided");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    [InlineData(People.OtherRecruiter, HttpStatusCode.NotFound)]
    public async Task Only_recruiters_of_the_booths_employer_book_and_cancel_its_slots(string? who, HttpStatusCode expected)
    {
        var fair = await NewFairAsync("展位-时段权限-" + (who ?? "anon"));
        await ApprovedBoothAsync(fair, People.Recruiter);
        using var food = await SignIn(People.Recruiter);
        var slot = (await (await Book(food, fair, 0, 30)).Content.ReadFromJsonAsync<SlotRow>(Ct))!;
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignIn(who);

        (await client.Http.DeleteAsync($"/api/v1/fairs/{fair.Id}/slots/{slot.Id}", Ct)).StatusCode.ShouldBe(expected);
        (await Book(client, fair, 60, 30)).StatusCode.ShouldBe(expected, "another employer has no booth in this fair");
        if (who is null || who == People.Candidate || who == People.Organizer || who == People.Admin)
            (await client.Http.PostAsync($"/api/v1/fairs/{fair.Id}/booths", null, Ct)).StatusCode.ShouldBe(expected);
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        (await anonymous.Http.GetFromJsonAsync<TimetableDoc>($"/api/v1/fairs/{fair.Id}/timetable", Ct))!.Sessions.Single().SessionId.ShouldBe(slot.Id);
    }
}

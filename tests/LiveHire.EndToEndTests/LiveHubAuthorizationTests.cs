namespace LiveHire.EndToEndTests;

/// <summary>Who may call each live-hub method, proven with real clients of every kind over a real server.</summary>
public sealed class LiveHubAuthorizationTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    public static TheoryData<string?> Everyone => [(string?)null, People.Candidate, People.Recruiter, People.OtherRecruiter, People.Organizer, People.Admin];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Anyone_may_join_a_session_and_gets_its_snapshot(string? who)
    {
        var sessionId = await app.LiveSessionIdAsync();
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, who, TestContext.Current.CancellationToken);

        var joined = await client.JoinAsync(sessionId);

        joined.Ok.ShouldBeTrue();
        joined.Value!.Session.Id.ShouldBe(sessionId);
        joined.Value.IsHost.ShouldBe(who == People.Recruiter, "only recruiters of the session's employer host it");
        joined.Value.CanAsk.ShouldBe(who == People.Candidate, "only candidates ask");
    }

    [Theory]
    [InlineData(null, "auth.required")]
    [InlineData(People.Recruiter, "forbidden")]
    [InlineData(People.OtherRecruiter, "forbidden")]
    [InlineData(People.Organizer, "forbidden")]
    [InlineData(People.Admin, "forbidden")]
    public async Task Only_candidates_may_ask(string? who, string expectedError)
    {
        var sessionId = await app.LiveSessionIdAsync();
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, who, TestContext.Current.CancellationToken);
        await client.JoinAsync(sessionId);

        var asked = await client.AskAsync(sessionId, "我可以提问吗？");

        asked.Ok.ShouldBeFalse();
        asked.Error!.Code.ShouldBe(expectedError);
        client.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    [Theory]
    [InlineData(null, "auth.required")]
    [InlineData(People.Candidate, "forbidden")]
    [InlineData(People.OtherRecruiter, "forbidden")]
    [InlineData(People.Organizer, "forbidden")]
    [InlineData(People.Admin, "forbidden")]
    public async Task Only_the_host_sees_who_is_watching(string? who, string expectedError)
    {
        var sessionId = await app.LiveSessionIdAsync();
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, who, TestContext.Current.CancellationToken);

        (await client.GetViewersAsync(sessionId)).Error!.Code.ShouldBe(expectedError);
    }

    [Fact]
    public async Task Host_sees_the_names_of_signed_in_viewers_and_how_many_watch_anonymously()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await app.LiveSessionIdAsync();
        await using var host = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var anonymous = await LiveHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await host.JoinAsync(sessionId);
        await candidate.JoinAsync(sessionId);
        await anonymous.JoinAsync(sessionId);

        var viewers = (await host.GetViewersAsync(sessionId)).Value!;

        viewers.People.ShouldContain(p => p.Name == "陈小红" && p.IsCandidate);
        viewers.People.First().IsCandidate.ShouldBeTrue("candidates are listed first");
        viewers.SignedInCandidates.ShouldBeGreaterThanOrEqualTo(1);
        viewers.SignedInOthers.ShouldBeGreaterThanOrEqualTo(1, "the host watches too");
        viewers.Anonymous.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Candidates_question_reaches_every_viewer_and_stays_in_the_room()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await app.LiveSessionIdAsync();
        await using var candidate = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var anonymous = await LiveHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await candidate.JoinAsync(sessionId);
        await anonymous.JoinAsync(sessionId);
        var text = $"工资怎么算？{Guid.NewGuid():N}";

        var asked = await candidate.AskAsync(sessionId, text);

        asked.Ok.ShouldBeTrue();
        asked.Value!.AuthorName.ShouldBe("陈小红");
        var received = await ReadUntilAsync(anonymous.Questions, q => q.Text == text, ct);
        received.Id.ShouldBe(asked.Value.Id);

        await using var latecomer = await LiveHubClient.ConnectAsync(app.BaseUrl, null, ct);
        var snapshot = await latecomer.JoinAsync(sessionId);
        snapshot.Value!.Questions.ShouldContain(q => q.Id == asked.Value.Id, "questions are durable and in every later snapshot");
    }

    [Theory]
    [InlineData("", "validation.question.empty")]
    [InlineData("   ", "validation.question.empty")]
    [InlineData(null, "validation.question.empty")]
    public async Task Bad_input_gets_a_typed_error_and_the_connection_stays_up(string? text, string expectedError)
    {
        var sessionId = await app.LiveSessionIdAsync();
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, TestContext.Current.CancellationToken);

        var asked = await client.AskAsync(sessionId, text);

        asked.Error!.Code.ShouldBe(expectedError);
        (await client.JoinAsync(sessionId)).Ok.ShouldBeTrue("the same connection still works");
    }

    [Fact]
    public async Task Too_long_question_and_unknown_session_get_typed_errors()
    {
        var sessionId = await app.LiveSessionIdAsync();
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Candidate, TestContext.Current.CancellationToken);

        (await client.AskAsync(sessionId, new string('问', 301))).Error!.Code.ShouldBe("validation.question.too_long");
        (await client.AskAsync(Guid.NewGuid(), "有人吗")).Error!.Code.ShouldBe("not_found");
        (await client.JoinAsync(Guid.NewGuid())).Error!.Code.ShouldBe("not_found");
        (await client.LeaveAsync(sessionId)).Error!.Code.ShouldBe("not_joined");
    }

    [Fact]
    public async Task Two_connections_of_one_person_count_as_one_viewer()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await app.LiveSessionIdAsync();
        await using var watcher = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Admin, ct);
        var before = (await watcher.JoinAsync(sessionId)).Value!.Presence.Viewers;

        await using var tab1 = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Organizer, ct);
        await tab1.JoinAsync(sessionId);
        // The watcher first hears of its own arrival; the organizer's arrives next.
        var afterFirstTab = await ReadUntilAsync(watcher.Presence, p => p.SessionId == sessionId && p.Viewers > before, ct);
        afterFirstTab.Viewers.ShouldBe(before + 1);

        await using var tab2 = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Organizer, ct);
        var second = await tab2.JoinAsync(sessionId);
        second.Value!.Presence.Viewers.ShouldBe(before + 1, "a second tab of the same person is not a new viewer");

        await tab1.LeaveAsync(sessionId);
        await tab2.DisposeAsync();
        var afterLeaving = await ReadUntilAsync(watcher.Presence, p => p.SessionId == sessionId && p.Viewers == before, ct);
        afterLeaving.Peak.ShouldBeGreaterThanOrEqualTo(before + 1);
    }

    [Fact]
    public async Task Forty_arrivals_reach_the_room_as_a_few_presence_updates_with_the_right_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await app.LiveSessionIdAsync();
        await using var watcher = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Admin, ct);
        var before = (await watcher.JoinAsync(sessionId)).Value!.Presence.Viewers;
        await Task.Delay(PresenceSettle, ct); // let the watcher's own arrival go out first
        while (watcher.Presence.Reader.TryRead(out _)) { }

        var arrivals = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => LiveHubClient.ConnectAsync(app.BaseUrl, null, ct)));
        try
        {
            await Task.WhenAll(arrivals.Select(a => a.JoinAsync(sessionId)));
            var updates = 0;
            var last = await ReadUntilAsync(watcher.Presence, p => { updates++; return p.Viewers == before + 40; }, ct);
            last.Peak.ShouldBeGreaterThanOrEqualTo(before + 40);
            await Task.Delay(PresenceSettle, ct);
            updates += watcher.Presence.Reader.Count;
            updates.ShouldBeLessThan(10, "arrivals are coalesced to about one update a second, not one per person");
        }
        finally
        {
            foreach (var a in arrivals) await a.DisposeAsync();
        }
    }

    private static readonly TimeSpan PresenceSettle = TimeSpan.FromMilliseconds(1500);

    internal static async Task<T> ReadUntilAsync<T>(System.Threading.Channels.Channel<T> channel, Func<T, bool> match, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await foreach (var item in channel.Reader.ReadAllAsync(timeout.Token))
            if (match(item)) return item;
        throw new InvalidOperationException("channel completed");
    }
}

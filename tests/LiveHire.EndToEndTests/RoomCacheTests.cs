namespace LiveHire.EndToEndTests;

/// <summary>
/// Votes, questions and joins read the room from the node's cache (RoomCache); each change made on the node drops it, so the very next
/// call sees the change. Every test first warms the cache, then changes the room, then asks again at once.
/// </summary>
public sealed class RoomCacheTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Fact]
    public async Task A_question_hidden_after_votes_is_refused_to_the_next_vote()
    {
        var (sessionId, host, voter, question) = await VotedAsync(goLive: false);
        await using var hostConnection = host;
        await using var voterConnection = voter;

        (await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, question.Id)).Ok.ShouldBeTrue();

        (await voter.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task A_question_asked_after_the_votes_facts_were_read_takes_votes_at_once()
    {
        // The facts hold the questions visible when they were read; a newer one is looked up, not refused for 2 s.
        var (sessionId, host, voter, _) = await VotedAsync(goLive: false);
        await using var hostConnection = host;
        await using var voterConnection = voter;

        var newer = await voter.AskAsync(sessionId, "试用期多久？");

        var vote = await voter.CallAsync<VoteView>("VoteQuestion", sessionId, newer.Id);
        vote.Ok.ShouldBeTrue();
        vote.Value!.Votes.ShouldBe(1);
    }

    [Fact]
    public async Task A_viewer_banned_after_voting_is_refused_to_the_next_vote()
    {
        await using var room = await TrollInRoomAsync();

        (await room.Host.CallAsync<ModerationView>("BanAuthor", room.SessionId, room.Spam.Id, false)).Ok.ShouldBeTrue();

        (await room.Troll.CallAsync<VoteView>("VoteQuestion", room.SessionId, room.Fair.Id)).Error!.Code.ShouldBe("forbidden");
        (await room.Other.CallAsync<VoteView>("VoteQuestion", room.SessionId, room.Fair.Id)).Ok.ShouldBeTrue("a ban is for one person");
    }

    [Fact]
    public async Task A_viewer_banned_after_asking_is_refused_the_next_question_at_once()
    {
        await using var room = await TrollInRoomAsync();

        var banned = await room.Host.CallAsync<ModerationView>("BanAuthor", room.SessionId, room.Spam.Id, false);
        banned.Ok.ShouldBeTrue();

        (await room.Troll.CallAsync<QuestionDetails>("AskQuestion", room.SessionId, "再刷一次")).Error!.Code.ShouldBe("forbidden");
        (await room.Other.CallAsync<QuestionDetails>("AskQuestion", room.SessionId, "包吃住吗？")).Ok.ShouldBeTrue("a ban is for one person");
        (await room.Host.CallAsync<ModerationView>("UnbanViewer", room.SessionId, banned.Value!.Banned.ShouldHaveSingleItem().UserId)).Ok.ShouldBeTrue();
        (await room.Troll.CallAsync<QuestionDetails>("AskQuestion", room.SessionId, "我改了")).Ok.ShouldBeTrue("an unban is seen at once too");
    }

    [Fact]
    public async Task Votes_are_refused_right_after_the_session_ends()
    {
        var (sessionId, host, voter, question) = await VotedAsync(goLive: true);
        await using var hostConnection = host;
        await using var voterConnection = voter;

        (await host.CallAsync<VideoStateView>("EndSession", sessionId)).Ok.ShouldBeTrue();

        (await voter.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Error!.Code.ShouldBe("conflict.session.closed");
    }

    [Fact]
    public async Task Questions_are_refused_right_after_the_session_ends()
    {
        var (sessionId, host, voter, _) = await VotedAsync(goLive: true);
        await using var hostConnection = host;
        await using var voterConnection = voter;

        (await host.CallAsync<VideoStateView>("EndSession", sessionId)).Ok.ShouldBeTrue();

        (await voter.CallAsync<QuestionDetails>("AskQuestion", sessionId, "结束了还能问吗？")).Error!.Code.ShouldBe("conflict.session.closed");
    }

    [Fact]
    public async Task Pre_moderation_and_slow_mode_set_after_questions_apply_to_the_next_question_at_once()
    {
        await using var room = await TrollInRoomAsync();

        (await room.Host.CallAsync<ModerationView>("ConfigureModeration", room.SessionId, true, 60)).Ok.ShouldBeTrue();

        (await room.Other.AskAsync(room.SessionId, "几点上班？")).Status.ShouldBe("Pending");
        (await room.Other.CallAsync<QuestionDetails>("AskQuestion", room.SessionId, "几点下班？")).Error!.Code
            .ShouldBe("rate_limited", "one question a minute now, though the default allowed three");
        (await room.Host.CallAsync<ModerationView>("ConfigureModeration", room.SessionId, false, 0)).Ok.ShouldBeTrue();
        (await room.Troll.AskAsync(room.SessionId, "包吃吗？")).Status.ShouldBe("Visible");
    }

    [Fact]
    public async Task A_join_shows_a_question_asked_just_before_and_not_one_hidden_just_before()
    {
        var sessionId = await QuestionSessions.NewAsync(app, TestContext.Current.CancellationToken);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, TestContext.Current.CancellationToken);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, TestContext.Current.CancellationToken);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, TestContext.Current.CancellationToken);
        (await viewer.JoinAsync(sessionId)).Questions.ShouldBeEmpty();

        var asked = await candidate.AskAsync(sessionId, "需要体检吗？");
        var afterAsk = await viewer.JoinAsync(sessionId);
        afterAsk.Questions.ShouldHaveSingleItem().Id.ShouldBe(asked.Id);

        (await candidate.CallAsync<VoteView>("VoteQuestion", sessionId, asked.Id)).Ok.ShouldBeTrue();
        (await viewer.JoinAsync(sessionId)).Questions.ShouldHaveSingleItem().Votes.ShouldBe(1, "counts are read live, not cached");

        (await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, asked.Id)).Ok.ShouldBeTrue();
        (await viewer.JoinAsync(sessionId)).Questions.ShouldBeEmpty();
    }

    /// <summary>A new session with its host and a candidate who asked a question and voted on it (so the node's cache is warm).</summary>
    private async Task<(Guid SessionId, QuestionHubClient Host, QuestionHubClient Voter, QuestionDetails Question)> VotedAsync(bool goLive)
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        var voter = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var question = await voter.AskAsync(sessionId, "加班有加班费吗？");
        if (goLive) (await host.CallAsync<VideoStateView>("GoLive", sessionId)).Ok.ShouldBeTrue();
        (await voter.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Ok.ShouldBeTrue();
        return (sessionId, host, voter, question);
    }

    private sealed record TrollRoom(Guid SessionId, QuestionHubClient Host, QuestionHubClient Troll, QuestionHubClient Other,
        QuestionDetails Spam, QuestionDetails Fair) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Troll.DisposeAsync();
            await Other.DisposeAsync();
        }
    }

    /// <summary>A new session where a troll and another candidate each asked, and the troll voted (so the node's cache is warm).</summary>
    private async Task<TrollRoom> TrollInRoomAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        var troll = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var other = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        var spam = await troll.AskAsync(sessionId, "刷屏");
        var fair = await other.AskAsync(sessionId, "有宿舍吗？");
        (await troll.CallAsync<VoteView>("VoteQuestion", sessionId, fair.Id)).Ok.ShouldBeTrue();
        return new TrollRoom(sessionId, host, troll, other, spam, fair);
    }
}

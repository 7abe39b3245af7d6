using static LiveHire.EndToEndTests.LiveHubAuthorizationTests;

namespace LiveHire.EndToEndTests;

/// <summary>Pre-moderation, hide and restore, answers and pins, bans and slow mode, as viewers and hosts see them.</summary>
public sealed class QuestionModerationTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Fact]
    public async Task Pending_questions_reach_only_the_hosts_until_approved()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        await host.JoinAsync(sessionId);
        await viewer.JoinAsync(sessionId);
        (await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, true, 0)).Value!.PreModeration.ShouldBeTrue();

        var pending = await candidate.AskAsync(sessionId, "能预支工资吗？");

        pending.Status.ShouldBe("Pending");
        (await ReadUntilAsync(host.Asked, q => q.Id == pending.Id, ct)).Status.ShouldBe("Pending");
        (await viewer.JoinAsync(sessionId)).Questions.ShouldNotContain(q => q.Id == pending.Id);
        (await host.JoinAsync(sessionId)).Questions.ShouldNotContain(q => q.Id == pending.Id, "the snapshot is the viewers' room");
        var queue = await host.CallAsync<ModerationQueueView>("GetModerationQueue", sessionId);
        queue.Value!.Pending.ShouldContain(q => q.Id == pending.Id);
        queue.Value.Moderation.PreModeration.ShouldBeTrue();

        (await host.CallAsync<QuestionDetails>("ApproveQuestion", sessionId, pending.Id)).Value!.Status.ShouldBe("Visible");

        (await ReadUntilAsync(viewer.Updated, q => q.Id == pending.Id, ct)).Status.ShouldBe("Visible");
        viewer.Asked.Reader.TryPeek(out _).ShouldBeFalse("viewers never heard of the question while it was pending");
        (await viewer.JoinAsync(sessionId)).Questions.ShouldContain(q => q.Id == pending.Id);
    }

    [Fact]
    public async Task Hidden_question_leaves_every_viewer_and_the_host_can_restore_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await host.JoinAsync(sessionId);
        await viewer.JoinAsync(sessionId);
        var question = await candidate.AskAsync(sessionId, "广告：加微信领红包");

        await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, question.Id);

        (await ReadUntilAsync(viewer.Removed, r => r.QuestionId == question.Id, ct)).SessionId.ShouldBe(sessionId);
        (await ReadUntilAsync(host.Updated, q => q.Id == question.Id, ct)).Status.ShouldBe("Hidden");
        (await viewer.JoinAsync(sessionId)).Questions.ShouldNotContain(q => q.Id == question.Id);

        await host.CallAsync<QuestionDetails>("RestoreQuestion", sessionId, question.Id);
        (await ReadUntilAsync(viewer.Updated, q => q.Id == question.Id, ct)).Status.ShouldBe("Visible");
    }

    [Fact]
    public async Task Answers_and_pins_reach_every_viewer_and_pinned_questions_come_first()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await viewer.JoinAsync(sessionId);
        var popular = await candidate.AskAsync(sessionId, "加班费怎么算？");
        var quiet = await candidate.AskAsync(sessionId, "有班车吗？");
        await candidate.CallAsync<VoteView>("VoteQuestion", sessionId, popular.Id);

        await host.CallAsync<QuestionDetails>("AnswerQuestion", sessionId, quiet.Id, "  有，杨家坪上车。 ");
        var answered = await ReadUntilAsync(viewer.Updated, q => q.Id == quiet.Id, ct);
        answered.Answer.ShouldBe("有，杨家坪上车。");
        answered.Answered.ShouldBeTrue();

        await host.CallAsync<QuestionDetails>("PinQuestion", sessionId, quiet.Id);
        (await ReadUntilAsync(viewer.Updated, q => q.Id == quiet.Id && q.PinnedAt is not null, ct)).Answer.ShouldNotBeNull();
        (await viewer.JoinAsync(sessionId)).Questions.Select(q => q.Id).ShouldBe([quiet.Id, popular.Id], "pinned first, then most votes");

        (await host.CallAsync<QuestionDetails>("MarkAnswered", sessionId, popular.Id)).Value!.Answered.ShouldBeTrue();
        (await host.CallAsync<QuestionDetails>("UnpinQuestion", sessionId, quiet.Id)).Value!.PinnedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_banned_person_can_neither_ask_nor_vote_until_unbanned()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var troll = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var other = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await viewer.JoinAsync(sessionId);
        var spam = await troll.AskAsync(sessionId, "刷屏刷屏");
        var fair = await other.AskAsync(sessionId, "几点下班？");

        var banned = await host.CallAsync<ModerationView>("BanAuthor", sessionId, spam.Id, true);

        banned.Value!.Banned.ShouldHaveSingleItem().Name.ShouldBe("陈小红");
        await ReadUntilAsync(viewer.Removed, r => r.QuestionId == spam.Id, ct);
        (await troll.CallAsync<QuestionDetails>("AskQuestion", sessionId, "我又来了")).Error!.Code.ShouldBe("forbidden");
        (await troll.CallAsync<VoteView>("VoteQuestion", sessionId, fair.Id)).Error!.Code.ShouldBe("forbidden");
        (await other.CallAsync<VoteView>("VoteQuestion", sessionId, fair.Id)).Ok.ShouldBeTrue("a ban is for one person");

        (await host.CallAsync<ModerationView>("UnbanViewer", sessionId, banned.Value.Banned[0].UserId)).Value!.Banned.ShouldBeEmpty();
        (await troll.CallAsync<VoteView>("VoteQuestion", sessionId, fair.Id)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Slow_mode_set_by_the_host_allows_one_question_per_period()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);

        (await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, false, 600)).Value!.SlowModeSeconds.ShouldBe(600);
        await candidate.AskAsync(sessionId, "第一个问题");
        (await candidate.CallAsync<QuestionDetails>("AskQuestion", sessionId, "第二个问题")).Error!.Code.ShouldBe("rate_limited");

        await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, false, 0);
        for (var i = 0; i < 3; i++) await candidate.AskAsync(sessionId, $"默认限速 {i}");
        (await candidate.CallAsync<QuestionDetails>("AskQuestion", sessionId, "第四个")).Error!.Code.ShouldBe("rate_limited", "default: 3 per 30 s");
    }

    [Fact]
    public async Task Bad_moderation_input_gets_typed_errors_and_the_connection_stays_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        var otherSessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var question = await candidate.AskAsync(sessionId, "<script>alert(1)</script>");

        (await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, false, 601)).Error!.Code.ShouldBe("validation.session.slow_mode");
        (await host.CallAsync<QuestionDetails>("AnswerQuestion", sessionId, question.Id, "  ")).Error!.Code.ShouldBe("validation.answer.empty");
        (await host.CallAsync<QuestionDetails>("AnswerQuestion", sessionId, question.Id, new string('答', 1001))).Error!.Code.ShouldBe("validation.answer.too_long");
        (await host.CallAsync<QuestionDetails>("ApproveQuestion", sessionId, question.Id)).Error!.Code.ShouldBe("conflict.question.not_pending");
        (await host.CallAsync<QuestionDetails>("PinQuestion", sessionId, Guid.NewGuid())).Error!.Code.ShouldBe("not_found");
        (await host.CallAsync<QuestionDetails>("PinQuestion", otherSessionId, question.Id)).Error!.Code.ShouldBe("not_found", "a question of another room");
        (await host.CallAsync<QuestionDetails>("PinQuestion", Guid.NewGuid(), question.Id)).Error!.Code.ShouldBe("not_found");
        question.Text.ShouldBe("<script>alert(1)</script>", "stored and sent as plain text");
        host.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }
}

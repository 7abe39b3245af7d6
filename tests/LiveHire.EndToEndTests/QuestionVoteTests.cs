using static LiveHire.EndToEndTests.LiveHubAuthorizationTests;

namespace LiveHire.EndToEndTests;

/// <summary>Votes: one per person (a toggle), answered at once to the voter, and sent to the room in batches.</summary>
public sealed class QuestionVoteTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Fact]
    public async Task A_vote_toggles_once_per_person_and_counts_every_voter()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var first = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var second = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await viewer.JoinAsync(sessionId);
        var question = await first.AskAsync(sessionId, "试用期多久？");

        (await first.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Value.ShouldBe(new VoteView(question.Id, true, 1));
        (await second.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Value.ShouldBe(new VoteView(question.Id, true, 2));
        (await first.CallAsync<VoteView>("VoteQuestion", sessionId, question.Id)).Value.ShouldBe(new VoteView(question.Id, false, 1),
            "a second vote by the same person takes the first back");

        await ReadUntilAsync(viewer.Votes, v => v.Votes.GetValueOrDefault(question.Id) == 1, ct);
        (await first.JoinAsync(sessionId)).MyVotes.ShouldNotContain(question.Id);
        var secondsRoom = await second.JoinAsync(sessionId);
        secondsRoom.MyVotes.ShouldContain(question.Id);
        secondsRoom.Questions.Single(q => q.Id == question.Id).Votes.ShouldBe(1);
    }

    [Fact]
    public async Task A_vote_storm_reaches_viewers_in_a_few_batches_with_the_right_final_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var asker1 = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        await using var asker2 = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        List<QuestionDetails> questions = [];
        for (var i = 0; i < 5; i++) questions.Add(await (i < 3 ? asker1 : asker2).AskAsync(sessionId, $"第{i + 1}个问题"));
        var voters = new List<QuestionHubClient>();
        for (var i = 0; i < 5; i++) voters.Add(await QuestionHubClient.NewCandidateAsync(app.BaseUrl, ct));
        await using var viewer = await QuestionHubClient.ConnectAsync(app.BaseUrl, null, ct);
        await viewer.JoinAsync(sessionId);

        // Each voter votes for every question, takes it back and votes again: 75 toggles, ending at 5 votes each.
        var storm = System.Diagnostics.Stopwatch.StartNew();
        var toggles = voters.Select(async voter =>
        {
            foreach (var round in new[] { 1, 2, 3 })
                foreach (var q in questions)
                    (await voter.CallAsync<VoteView>("VoteQuestion", sessionId, q.Id)).Ok.ShouldBeTrue();
        });
        await Task.WhenAll(toggles);
        var stormSeconds = storm.Elapsed.TotalSeconds;

        var latest = new Dictionary<Guid, long>();
        var batches = 0;
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        quiet.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var batch in viewer.Votes.Reader.ReadAllAsync(quiet.Token))
            {
                batches++;
                foreach (var (id, votes) in batch.Votes) latest[id] = votes;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Two quiet seconds after the storm: every batch has arrived.
        }

        foreach (var q in questions) latest.GetValueOrDefault(q.Id).ShouldBe(5, "the last batch carries the final count");
        batches.ShouldBeLessThan(75, "fewer messages than votes");
        // At most 4 batches a second, over the storm and the last interval after it.
        batches.ShouldBeLessThanOrEqualTo((int)Math.Ceiling(stormSeconds * 4) + 2, $"{batches} messages in {stormSeconds:0.0} s");
        foreach (var voter in voters) await voter.DisposeAsync();
    }

    [Fact]
    public async Task Hidden_and_pending_questions_cannot_be_voted_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var hidden = await candidate.AskAsync(sessionId, "这个问题会被隐藏");
        await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, hidden.Id);
        await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, true, 0);
        var pending = await candidate.AskAsync(sessionId, "这个问题待审核");

        (await candidate.CallAsync<VoteView>("VoteQuestion", sessionId, hidden.Id)).Error!.Code.ShouldBe("not_found");
        (await candidate.CallAsync<VoteView>("VoteQuestion", sessionId, pending.Id)).Error!.Code.ShouldBe("not_found");
        (await candidate.CallAsync<VoteView>("VoteQuestion", Guid.NewGuid(), pending.Id)).Error!.Code.ShouldBe("not_found");
        candidate.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }
}

namespace LiveHire.EndToEndTests;

/// <summary>Who may call each Q&amp;A method, proven with real clients of every kind over a real server (docs/realtime.md).</summary>
public sealed class QuestionHubAuthorizationTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private static readonly string?[] Everyone = [null, People.Candidate, People.Recruiter, People.OtherRecruiter, People.Organizer, People.Admin];
    private static readonly string[] HostMethods = ["AnswerQuestion", "MarkAnswered", "PinQuestion", "UnpinQuestion", "ConfigureModeration"];
    private static readonly string[] ModeratorMethods = ["ApproveQuestion", "HideQuestion", "RestoreQuestion", "GetModerationQueue", "BanAuthor", "UnbanViewer"];

    public static TheoryData<string, string?> Calls()
    {
        var data = new TheoryData<string, string?>();
        foreach (var method in HostMethods.Concat(ModeratorMethods).Append("VoteQuestion"))
            foreach (var who in Everyone) data.Add(method, who);
        return data;
    }

    /// <summary>The host runs the Q&amp;A; admins may also moderate; only candidates vote; organizers and other employers' recruiters may not.</summary>
    private static string? Expected(string method, string? who) => who switch
    {
        null => "auth.required",
        People.Candidate => method == "VoteQuestion" ? null : "forbidden",
        People.Recruiter => method == "VoteQuestion" ? "forbidden" : null,
        People.Admin => ModeratorMethods.Contains(method) ? null : "forbidden",
        _ => "forbidden",
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Only_the_host_moderates_admins_also_keep_the_room_safe_and_only_candidates_vote(string method, string? who)
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var asker = await QuestionHubClient.ConnectAsync(app.BaseUrl, QuestionSessions.Candidate2, ct);
        if (method == "ApproveQuestion") (await host.CallAsync<ModerationView>("ConfigureModeration", sessionId, true, 0)).Ok.ShouldBeTrue();
        var question = await asker.AskAsync(sessionId, "包吃住吗？");
        if (method == "RestoreQuestion") (await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, question.Id)).Ok.ShouldBeTrue();
        await using var caller = await QuestionHubClient.ConnectAsync(app.BaseUrl, who, ct);
        await caller.JoinAsync(sessionId);

        var result = await caller.CallAsync<object>(method, Arguments(method, sessionId, question.Id));

        var expected = Expected(method, who);
        if (expected is null) result.Ok.ShouldBeTrue(result.Error?.Message);
        else result.Error?.Code.ShouldBe(expected);
        result.Ok.ShouldBe(expected is null);
        caller.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    private static object?[] Arguments(string method, Guid sessionId, Guid questionId) => method switch
    {
        "AnswerQuestion" => [sessionId, questionId, "包午餐，住宿有补贴。"],
        "ConfigureModeration" => [sessionId, false, 30],
        "GetModerationQueue" => [sessionId],
        "BanAuthor" => [sessionId, questionId, false],
        "UnbanViewer" => [sessionId, Guid.NewGuid()],
        _ => [sessionId, questionId],
    };
}

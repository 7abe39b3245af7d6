using System.Net;
using System.Text;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>The host's CSV export of a session's questions: who may download it, and that Excel opens it intact.</summary>
public sealed class QuestionExportTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.Candidate, HttpStatusCode.Forbidden)]
    [InlineData(People.OtherRecruiter, HttpStatusCode.Forbidden)]
    [InlineData(People.Organizer, HttpStatusCode.Forbidden)]
    [InlineData(People.Admin, HttpStatusCode.Forbidden)]
    [InlineData(People.Recruiter, HttpStatusCode.OK)]
    public async Task Only_recruiters_of_the_sessions_employer_may_export_its_questions(string? who, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await app.LiveSessionIdAsync();
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.GetAsync($"/api/v1/sessions/{sessionId}/questions.csv", ct);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Export_of_a_live_session_is_excel_ready_csv_with_every_question_its_votes_and_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessionId = await QuestionSessions.NewAsync(app, ct);
        await using var host = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var candidate = await QuestionHubClient.ConnectAsync(app.BaseUrl, People.Candidate, ct);
        var tricky = await candidate.AskAsync(sessionId, "他说\"包吃住\"，真的吗,还是假的？\n第二行");
        var formula = await candidate.AskAsync(sessionId, "=HYPERLINK(\"http://x\")");
        var hidden = await candidate.AskAsync(sessionId, "隐藏的问题");
        await candidate.CallAsync<VoteView>("VoteQuestion", sessionId, tricky.Id);
        await host.CallAsync<QuestionDetails>("AnswerQuestion", sessionId, tricky.Id, "真的, 包三餐");
        await host.CallAsync<QuestionDetails>("HideQuestion", sessionId, hidden.Id);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        using var response = await recruiter.Http.GetAsync($"/api/v1/sessions/{sessionId}/questions.csv", ct);

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith(".csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads UTF-8 only with the BOM");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("time (Beijing),author,question,votes,status,answer");
        lines[1].ShouldMatch(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,陈小红,""他说""""包吃住""""，真的吗,还是假的？\n第二行"",1,""Visible, Answered"",""真的, 包三餐""$");
        lines[2].ShouldEndWith(",陈小红,\"'=HYPERLINK(\"\"http://x\"\")\",0,Visible,", Case.Sensitive, "a formula stays text");
        lines[3].ShouldEndWith(",陈小红,隐藏的问题,0,Hidden,");
        lines[4].ShouldBe("");
        formula.Text.ShouldStartWith("=");
    }
}

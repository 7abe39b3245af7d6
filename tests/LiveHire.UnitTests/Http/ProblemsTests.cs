using System.Text.Json;
using LiveHire.Core.Domain;
using LiveHire.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.UnitTests.Http;

public sealed class ProblemsTests
{
    public static TheoryData<string, int> Codes => new()
    {
        { "auth.required", 401 },
        { "forbidden", 403 },
        { "not_found", 404 },
        { "rate_limited", 429 },
        { "video.unavailable", 503 },
        { "resume.font_missing", 503 },
        { "video.too_large", 413 },
        { "conflict.session_ended", 409 },
        { "validation.title", 400 },
        { "fair.past", 400 },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Error_becomes_a_problem_with_its_status_code_and_message(string code, int status)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await new Error(code, "说清楚出了什么错").ToProblem().ExecuteAsync(http);

        http.Response.StatusCode.ShouldBe(status);
        http.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        body.RootElement.GetProperty("title").GetString().ShouldBe("说清楚出了什么错");
        body.RootElement.GetProperty("status").GetInt32().ShouldBe(status);
        body.RootElement.GetProperty("code").GetString().ShouldBe(code);
        body.RootElement.GetProperty("type").GetString().ShouldBe($"https://livehire.dev/problems/{code}");
    }
}

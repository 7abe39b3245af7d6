using System.Net;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>Who may open each protected page; everyone else is sent to sign in (anonymous) or told no (signed in).</summary>
public sealed class PageAuthorizationTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    private const string SignIn = "/Account/Login";
    private const string Denied = "/Account/AccessDenied";

    public static TheoryData<string, string?, string?> Cases => new()
    {
        // page, who, where they end up (null = the page itself, 200)
        { "/organizer/sessions", null, SignIn },
        { "/organizer/sessions", People.Candidate, Denied },
        { "/organizer/sessions", People.Recruiter, Denied },
        { "/organizer/sessions", People.Admin, Denied },
        { "/organizer/sessions", People.Organizer, null },
        { "/studio", null, SignIn },
        { "/studio", People.Candidate, Denied },
        { "/studio", People.Organizer, Denied },
        { "/studio", People.Recruiter, null },
        { "/studio/{live}", null, SignIn },
        { "/studio/{live}", People.Candidate, Denied },
        { "/studio/{live}", People.OtherRecruiter, Denied },
        { "/studio/{live}", People.Organizer, Denied },
        { "/studio/{live}", People.Recruiter, null },
        { "/admin/outbox", null, SignIn },
        { "/admin/outbox", People.Organizer, Denied },
        { "/admin/outbox", People.Recruiter, Denied },
        { "/admin/outbox", People.Admin, null },
        { "/me/schedule", null, SignIn },
        { "/me/schedule", People.Recruiter, Denied },
        { "/me/schedule", People.Organizer, Denied },
        { "/me/schedule", People.Candidate, null },
        { "/me/settings", null, SignIn },
        { "/me/settings", People.Recruiter, null },
        { "/me/settings", People.Candidate, null },
        { "/fairs", null, null },
        { "/fairs", People.Candidate, null },
        { "/live/{live}", null, null },
        { "/live/{live}", People.Candidate, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Protected_pages_open_only_for_their_people(string page, string? who, string? sentTo)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = page.Replace("{live}", (await app.LiveSessionIdAsync()).ToString(), StringComparison.Ordinal);
        using var client = who is null ? SignedInClient.Anonymous(app.BaseUrl) : await SignedInClient.SignInAsync(app.BaseUrl, who, People.Password, ct);

        using var response = await client.Http.GetAsync(path, ct);

        if (sentTo is null)
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            new Uri(app.BaseUrl, response.Headers.Location!).AbsolutePath.ShouldBe(sentTo, StringCompareShould.IgnoreCase);
        }
    }

    [Fact]
    public async Task Unknown_session_is_not_found()
    {
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        (await http.GetAsync($"/live/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using LiveHire.IntegrationTests.Testing;
using System.Net;
using LiveHire.Core.Domain;

namespace LiveHire.IntegrationTests.Account;

[Collection(HangfireGlobalState.Name)]
public sealed class OutboxPageTests(EmbeddedWebApp app) : IClassFixture<EmbeddedWebApp>
{
    [Fact]
    public async Task Outbox_page_is_for_admins_only()
    {
        using var sent = await app.NewPerson().SubmitAsync("/account/login?tab=phone", "/account/login?handler=SendCode", ("Phone", "139 0000 0001"));
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var code = await app.LastCodeTextedToAsync("13900000001");
        await app.CreateUserAsync("candidate@example.com", Roles.Candidate, "候选人");
        await app.CreateUserAsync("admin@example.com", Roles.Admin, "管理员");

        using var anonymous = await app.NewPerson().GetAsync("/admin/outbox", TestContext.Current.CancellationToken);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        anonymous.Headers.Location.Query.ShouldContain("ReturnUrl=%2Fadmin%2Foutbox");

        var candidate = await SignedInAsync("candidate@example.com");
        using var denied = await candidate.GetAsync("/admin/outbox", TestContext.Current.CancellationToken);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        using var deniedPage = await candidate.GetAsync(denied.Headers.Location, TestContext.Current.CancellationToken);
        deniedPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await deniedPage.TextAsync()).ShouldNotContain(code);

        var admin = await SignedInAsync("admin@example.com");
        var outbox = await admin.GetPageAsync("/admin/outbox");
        outbox.ShouldContain("13900000001");
        outbox.ShouldContain($"【LiveHire】您的验证码是 {code}，10分钟内有效。");
        outbox.ShouldContain(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm"));
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var person = app.NewPerson();
        using var signedIn = await person.SubmitAsync("/account/login", "/account/login?handler=Password", ("Email", email), ("Password", EmbeddedWebApp.Password));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return person;
    }
}

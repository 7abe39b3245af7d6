using LiveHire.IntegrationTests.Testing;
using System.Net;
using LiveHire.Core.Domain;

namespace LiveHire.IntegrationTests.Account;

[Collection(HangfireGlobalState.Name)]
public sealed class EmailSignInTests(EmbeddedWebApp app) : IClassFixture<EmbeddedWebApp>
{
    [Fact]
    public async Task Email_sign_up_then_sign_in()
    {
        var person = app.NewPerson();

        using var registered = await person.SubmitAsync("/account/register", "/account/register?returnUrl=%2Faccount%2Flogin%3Ftab%3Dphone",
            ("DisplayName", "周芳"), ("Email", "Zhou.Fang@Example.com "), ("Password", "jiuye2026"));

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.ShouldBe("/account/login?tab=phone");
        (await person.IsSignedInAsAsync("周芳")).ShouldBeTrue();

        using var signedOut = await person.SubmitAsync("/account/logout", "/account/logout");
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await person.IsSignedInAsAsync("周芳")).ShouldBeFalse();

        using var signedIn = await SignInAsync(person, "zhou.fang@example.com", "jiuye2026");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await person.IsSignedInAsAsync("周芳")).ShouldBeTrue();
    }

    [Fact]
    public async Task Sign_up_makes_a_candidate_whatever_the_form_says()
    {
        var person = app.NewPerson();

        using var registered = await person.SubmitAsync("/account/register", "/account/register",
            ("DisplayName", "吴强"), ("Email", "wu.qiang@example.com"), ("Password", "jiuye2026"), ("Role", Roles.Admin));

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = (await app.FindUserByEmailAsync("wu.qiang@example.com")).ShouldNotBeNull();
        (await app.RolesOfAsync(user)).ShouldBe([Roles.Candidate]);
    }

    [Fact]
    public async Task Sign_up_explains_each_problem_in_chinese()
    {
        await app.CreateUserAsync("taken@example.com", Roles.Candidate);
        var person = app.NewPerson();

        using var weak = await person.SubmitAsync("/account/register", "/account/register",
            ("DisplayName", " "), ("Email", "not-an-email"), ("Password", "short"));
        var page = await weak.TextAsync();
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("请填写您的姓名。");
        page.ShouldContain("请输入正确的邮箱地址。");
        page.ShouldContain("密码至少 8 位，并且要包含数字。");

        using var taken = await person.SubmitAsync("/account/register", "/account/register",
            ("DisplayName", "郑华"), ("Email", "TAKEN@example.com"), ("Password", "jiuye2026"));
        (await taken.TextAsync()).ShouldContain("这个邮箱已经注册过了，请直接登录。");
        (await person.IsSignedInAsAsync("郑华")).ShouldBeFalse();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await app.CreateUserAsync("locked@example.com", Roles.Candidate, "冯敏");
        var person = app.NewPerson();

        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var wrong = await SignInAsync(person, "locked@example.com", "wrong-password-1");
            (await wrong.TextAsync()).ShouldContain("邮箱或密码不正确。");
        }
        using var fifth = await SignInAsync(person, "locked@example.com", "wrong-password-1");
        (await fifth.TextAsync()).ShouldContain("密码输错次数太多，账号已锁定，请 15 分钟后再试。");

        using var right = await SignInAsync(person, "locked@example.com", EmbeddedWebApp.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.TextAsync()).ShouldContain("密码输错次数太多，账号已锁定，请 15 分钟后再试。");
        (await person.IsSignedInAsAsync("冯敏")).ShouldBeFalse();
    }

    [Fact]
    public async Task Sign_in_goes_back_only_to_a_local_page()
    {
        await app.CreateUserAsync("returner@example.com", Roles.Candidate, "陈静");

        using var local = await SignInAsync(app.NewPerson(), "returner@example.com", EmbeddedWebApp.Password, "/account/accessdenied");
        local.Headers.Location!.OriginalString.ShouldBe("/account/accessdenied");

        using var elsewhere = await SignInAsync(app.NewPerson(), "returner@example.com", EmbeddedWebApp.Password, "https://evil.example/phish");
        elsewhere.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_a_token()
    {
        await app.CreateUserAsync("stayer@example.com", Roles.Candidate, "何平");
        var person = app.NewPerson();
        using var _ = await SignInAsync(person, "stayer@example.com", EmbeddedWebApp.Password);

        (await person.GetPageAsync("/account/logout")).ShouldContain("data-testid=\"logout-submit\"");
        using var forged = await person.PostAsync("/account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await person.IsSignedInAsAsync("何平")).ShouldBeTrue();
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient person, string email, string password, string? returnUrl = null) =>
        person.SubmitAsync("/account/login", "/account/login?handler=Password" + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)),
            ("Email", email), ("Password", password));
}

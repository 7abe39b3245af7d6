using LiveHire.IntegrationTests.Testing;
using System.Net;
using LiveHire.Core.Domain;

namespace LiveHire.IntegrationTests.Account;

[Collection(HangfireGlobalState.Name)]
public sealed class PhoneSignInTests(EmbeddedWebApp app) : IClassFixture<EmbeddedWebApp>
{
    private const string LoginPage = "/account/login?tab=phone";

    [Fact]
    public async Task Phone_sign_in_creates_a_candidate_and_signs_in()
    {
        var person = app.NewPerson();

        using var sent = await SendCodeAsync(person, "+86 138-0013-8001");
        (await sent.TextAsync()).ShouldContain("验证码已发送到 138 0013 8001");
        var texts = await app.TextsToAsync("13800138001");
        texts.ShouldHaveSingleItem().ShouldMatch(@"^【LiveHire】您的验证码是 \d{6}，10分钟内有效。$");

        using var signedIn = await SignInAsync(person, "13800138001", await app.LastCodeTextedToAsync("13800138001"), "王小明",
            returnUrl: "/account/accessdenied?x=1");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/account/accessdenied?x=1");
        (await person.IsSignedInAsAsync("王小明")).ShouldBeTrue();
        var user = (await app.FindUserByPhoneAsync("13800138001")).ShouldNotBeNull();
        user.PhoneNumberConfirmed.ShouldBeTrue();
        user.UserName.ShouldBe("13800138001");
        (await app.RolesOfAsync(user)).ShouldBe([Roles.Candidate]);
    }

    [Fact]
    public async Task New_number_needs_a_name_and_the_code_still_works_once_it_is_given()
    {
        var person = app.NewPerson();
        await SendCodeAsync(person, "13800138002");
        var code = await app.LastCodeTextedToAsync("13800138002");

        using var nameless = await SignInAsync(person, "13800138002", code, displayName: "");
        nameless.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await nameless.TextAsync()).ShouldContain("第一次登录，请填写您的姓名。");
        (await app.FindUserByPhoneAsync("13800138002")).ShouldBeNull();

        using var named = await SignInAsync(person, "13800138002", code, "李阿姨");
        named.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await person.IsSignedInAsAsync("李阿姨")).ShouldBeTrue();
    }

    [Fact]
    public async Task Known_number_signs_in_to_the_same_account_without_a_name()
    {
        var first = app.NewPerson();
        await SendCodeAsync(first, "13800138003");
        using var created = await SignInAsync(first, "13800138003", await app.LastCodeTextedToAsync("13800138003"), "赵师傅");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var account = (await app.FindUserByPhoneAsync("13800138003")).ShouldNotBeNull();

        app.Clock.Advance(PhoneVerification.ResendInterval);
        var again = app.NewPerson();
        await SendCodeAsync(again, "13800138003");
        using var signedIn = await SignInAsync(again, "13800138003", await app.LastCodeTextedToAsync("13800138003"), displayName: "");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.IsSignedInAsAsync("赵师傅")).ShouldBeTrue();
        (await app.FindUserByPhoneAsync("13800138003")).ShouldNotBeNull().Id.ShouldBe(account.Id);
    }

    [Fact]
    public async Task Wrong_code_five_times_burns_the_code()
    {
        var person = app.NewPerson();
        await SendCodeAsync(person, "13800138004");
        var code = await app.LastCodeTextedToAsync("13800138004");
        var wrong = code == "000000" ? "111111" : "000000";

        for (var left = PhoneVerification.MaxAttempts - 1; left > 0; left--)
        {
            using var refused = await SignInAsync(person, "13800138004", wrong, "钱一");
            (await refused.TextAsync()).ShouldContain($"验证码不正确，还可以再试 {left} 次。");
        }
        using var fifth = await SignInAsync(person, "13800138004", wrong, "钱一");
        (await fifth.TextAsync()).ShouldContain("验证码输错次数太多，已失效，请重新获取。");

        using var right = await SignInAsync(person, "13800138004", code, "钱一");

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.TextAsync()).ShouldContain("验证码输错次数太多，已失效，请重新获取。");
        (await person.IsSignedInAsAsync("钱一")).ShouldBeFalse();
        (await app.FindUserByPhoneAsync("13800138004")).ShouldBeNull();
    }

    [Fact]
    public async Task Resend_within_a_minute_is_refused()
    {
        var person = app.NewPerson();
        await SendCodeAsync(person, "13800138005");

        app.Clock.Advance(PhoneVerification.ResendInterval - TimeSpan.FromSeconds(20));
        using var tooSoon = await SendCodeAsync(person, "13800138005");

        tooSoon.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await tooSoon.TextAsync();
        page.ShouldContain("验证码刚刚发过，请 20 秒后再获取。");
        page.ShouldContain("data-testid=\"phone-code\""); // the code already sent can still be typed in
        (await app.TextsToAsync("13800138005")).Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        using var later = await SendCodeAsync(person, "13800138005");
        (await later.TextAsync()).ShouldContain("验证码已发送到 138 0013 8005");
        (await app.TextsToAsync("13800138005")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Expired_code_is_refused()
    {
        var person = app.NewPerson();
        await SendCodeAsync(person, "13800138006");
        var code = await app.LastCodeTextedToAsync("13800138006");

        app.Clock.Advance(PhoneVerification.Lifetime + TimeSpan.FromSeconds(1));
        using var expired = await SignInAsync(person, "13800138006", code, "孙二");

        expired.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await expired.TextAsync()).ShouldContain("验证码已失效，请重新获取。");
        (await person.IsSignedInAsAsync("孙二")).ShouldBeFalse();
        (await app.FindUserByPhoneAsync("13800138006")).ShouldBeNull();
    }

    [Fact]
    public async Task Malformed_number_gets_no_text()
    {
        var person = app.NewPerson();

        using var refused = await SendCodeAsync(person, "0138-0013-8007");

        (await refused.TextAsync()).ShouldContain("请输入正确的11位手机号。");
        (await app.TextsToAsync("01380013800")).ShouldBeEmpty();
        (await app.TextsToAsync("13800138007")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Password_tries_with_a_phone_number_cannot_lock_its_owner_out()
    {
        var owner = app.NewPerson();
        await SendCodeAsync(owner, "13800138008");
        using var created = await SignInAsync(owner, "13800138008", await app.LastCodeTextedToAsync("13800138008"), "韩梅");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stranger = app.NewPerson();
        for (var attempt = 0; attempt < 6; attempt++) // more than the 5 wrong passwords that lock an account
        {
            using var refused = await stranger.SubmitAsync("/account/login", "/account/login?handler=Password", ("Email", "13800138008"), ("Password", "guess12345"));
            (await refused.TextAsync()).ShouldContain("请输入正确的邮箱地址。");
        }

        app.Clock.Advance(PhoneVerification.ResendInterval);
        var again = app.NewPerson();
        await SendCodeAsync(again, "13800138008");
        using var signedIn = await SignInAsync(again, "13800138008", await app.LastCodeTextedToAsync("13800138008"), "");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.IsSignedInAsAsync("韩梅")).ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_are_in_english_when_english_is_chosen()
    {
        var person = app.NewPerson();

        using var refused = await person.SubmitAsync("/account/login?tab=phone&culture=en-US", "/account/login?handler=SendCode&culture=en-US",
            ("Phone", "12345"));

        var page = await refused.TextAsync();
        page.ShouldContain("Enter a valid 11-digit mainland mobile number.");
        page.ShouldContain("SMS code");
        page.ShouldNotContain("手机号");
    }

    private static async Task<HttpResponseMessage> SendCodeAsync(HttpClient person, string phone)
    {
        var response = await person.SubmitAsync(LoginPage, "/account/login?handler=SendCode", ("Phone", phone));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient person, string phone, string code, string displayName, string? returnUrl = null) =>
        person.SubmitAsync(LoginPage, "/account/login?handler=Phone" + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)),
            ("Phone", phone), ("Code", code), ("DisplayName", displayName));
}

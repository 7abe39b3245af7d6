using LiveHire.Testing;
using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>Demo logins (seeded by `--demo`) and what a person does to sign in.</summary>
public static class People
{
    public const string Password = "LiveHire2026";
    public const string Organizer = "organizer@demo.livehire";
    public const string OtherOrganizer = "organizer2@demo.livehire";
    public const string Recruiter = "recruiter@demo.livehire";
    public const string OtherRecruiter = "recruiter2@demo.livehire";
    public const string Candidate = "candidate@demo.livehire";
    public const string Admin = "admin@demo.livehire";
    public const string FoodEmployer = "重庆渝味食品有限公司";

    /// <summary>Signs up a new candidate (e-mail, no phone) through the real sign-up form; the client carries their cookie.</summary>
    public static async Task<SignedInClient> SignUpCandidateAsync(Uri baseUrl, CancellationToken ct)
    {
        var http = SignedInClient.Anonymous(baseUrl);
        var token = await http.AntiforgeryTokenAsync("/account/register", ct);
        var id = Guid.NewGuid().ToString("N")[..10];
        using var response = await http.Http.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = $"求职者{id[..4]}", ["Email"] = $"c{id}@test.livehire", ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (!http.Cookies.GetCookies(baseUrl).Any(c => c.Name == ".LiveHire.Auth"))
            throw new InvalidOperationException($"Sign-up failed: {(int)response.StatusCode}");
        return http;
    }

    public static async Task SignInAsync(IPage page, string email, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        // Signed in: the bar shows 我的 on a phone (the name and the person's own pages are behind it), the name on a wide screen.
        await Assertions.Expect(page.GetByTestId("nav-me").Or(page.GetByTestId("signed-in-as")).Filter(new() { Visible = true })).ToHaveCountAsync(1);
    }
}

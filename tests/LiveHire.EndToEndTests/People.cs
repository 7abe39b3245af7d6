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

    public static async Task SignInAsync(IPage page, string email, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }
}

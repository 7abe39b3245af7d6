using System.Net;
using System.Text.RegularExpressions;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Account;

/// <summary>
/// The Web app in Embedded mode on a SQLite file of its own (migrated at start-up), with a clock the test moves.
/// One per test class (<c>IClassFixture</c>); tests in a class use distinct people so that they do not meet.
/// </summary>
// Program is a static class, which cannot be a type argument; any public type of the Web assembly locates its entry point.
public sealed class EmbeddedWebApp : WebApplicationFactory<AccountResource>
{
    public const string Password = "Passw0rd-123";

    public string DataDirectory { get; } = TestTempDirectory.Create("web");

    /// <summary>Starts at the real time, so cookies and data-protection keys made by the app look current to it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("LiveHire:Mode", "Embedded");
        builder.UseSetting("LiveHire:DataDirectory", DataDirectory);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client: keeps cookies, and shows redirects instead of following them.</summary>
    public HttpClient NewPerson() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An account made the way admins and demo data make them, with <see cref="Password"/>.</summary>
    public async Task<User> CreateUserAsync(string email, string role, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (!await roles.RoleExistsAsync(role)) (await roles.CreateAsync(new Role(role))).Succeeded.ShouldBeTrue();
        var user = new User { UserName = email, Email = email, DisplayName = displayName ?? email, CreatedAt = Clock.GetUtcNow() };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>The sign-in code in the newest text message to <paramref name="phone"/> (the development SMS sender's outbox).</summary>
    public async Task<string> LastCodeTextedToAsync(string phone)
    {
        var texts = await TextsToAsync(phone);
        texts.ShouldNotBeEmpty($"no text message went to {phone}");
        return Regex.Match(texts[0], @"\d{6}").Value;
    }

    /// <summary>Bodies of the text messages sent to <paramref name="phone"/>, newest first.</summary>
    public async Task<IReadOnlyList<string>> TextsToAsync(string phone)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        return await db.Outbox.Where(m => m.Channel == MessageChannel.Sms && m.Recipient == phone)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).ToListAsync();
    }

    public async Task<User?> FindUserByPhoneAsync(string phone)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.PhoneNumber == phone);
    }

    public async Task<User?> FindUserByEmailAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
    }

    public async Task<IList<string>> RolesOfAsync(User user)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().GetRolesAsync(user);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Web's Hangfire set its process-wide log provider to this app's logger factory, which is now disposed.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        // SQLite keeps pooled connections (and so the file) open until the pools are cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestTempDirectory.Delete(DataDirectory);
    }
}

/// <summary>Driving Razor Pages the way a browser does: GET the form, POST it back with its antiforgery token.</summary>
public static class PageHttp
{
    private static readonly Regex AntiforgeryInput = new(@"<input[^>]*name=""__RequestVerificationToken""[^>]*>", RegexOptions.Compiled);
    private static readonly Regex ValueAttribute = new(@"value=""([^""]+)""", RegexOptions.Compiled);

    /// <summary>GETs a page that must render (200) and returns its HTML with entities decoded, as a person would read it.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>GETs <paramref name="formPage"/>, then POSTs <paramref name="fields"/> and its antiforgery token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string formPage, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetPageAsync(formPage);
        var input = AntiforgeryInput.Match(html);
        input.Success.ShouldBeTrue($"{formPage} has no antiforgery token");
        var token = ValueAttribute.Match(input.Value).Groups[1].Value;
        var body = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(action, body, TestContext.Current.CancellationToken);
    }

    /// <summary>The HTML of a response, entities decoded.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>True when the layout shows <paramref name="displayName"/> as the signed-in person.</summary>
    public static async Task<bool> IsSignedInAsAsync(this HttpClient client, string displayName)
    {
        var html = await client.GetPageAsync("/account/login");
        return Regex.IsMatch(html, $@"data-testid=""signed-in-as""[^>]*>{Regex.Escape(displayName)}<");
    }
}

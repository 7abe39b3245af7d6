using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace LiveHire.Testing;

/// <summary>An HTTP client with its own cookie jar, signed in through the real login form (antiforgery included).</summary>
public sealed partial class SignedInClient : IDisposable
{
    private SignedInClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }
    /// <summary>Holds the sign-in cookie; hand it to a SignalR HubConnection (<c>o.Cookies = Cookies</c>).</summary>
    public CookieContainer Cookies { get; }

    public static SignedInClient Anonymous(Uri baseUrl) => WithCookies(baseUrl, new CookieContainer());

    /// <summary>A client holding an existing cookie jar (someone signed in earlier, e.g. on another client).</summary>
    public static SignedInClient WithCookies(Uri baseUrl, CookieContainer cookies)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        return new SignedInClient(http, cookies);
    }

    public static async Task<SignedInClient> SignInAsync(Uri baseUrl, string email, string password, CancellationToken ct = default)
    {
        var client = Anonymous(baseUrl);
        var token = await client.AntiforgeryTokenAsync("/account/login", ct);
        using var response = await client.Http.PostAsync("/account/login?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || !client.Cookies.GetCookies(baseUrl).Any(c => c.Name == ".LiveHire.Auth"))
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return client;
    }

    /// <summary>Reads the antiforgery token of the first form on a page.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path, CancellationToken ct = default)
    {
        var html = await Http.GetStringAsync(path, ct);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}

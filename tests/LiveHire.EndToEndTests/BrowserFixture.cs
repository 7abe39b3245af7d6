using Microsoft.Playwright;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright; one browser per test assembly, a fresh context per person. Each
/// browser test class closes its test's people when xunit disposes it after the test (<see cref="CloseEveryoneAsync"/>).
/// Left open until the end, their pages kept running: studios capturing the fake camera and tone, rooms reconnecting to
/// stopped servers; 37 renderers and the audio service used 0.4 of the two cores late in a run (2026-12-06).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? playwright;
    // The people open now, with the test that opened each (a test's display name).
    private readonly List<(IBrowserContext Context, string Test)> open = [];

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network beyond loopback: background services would only fail and slow the browser.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                // A fake camera and microphone (a test pattern and a beep), granted without a prompt; video plays without a tap.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A new person: own cookies, a 360 px wide phone screen, Chinese locale.</summary>
    /// <param name="location">Where the phone says it is, with the location permission granted (none by default).</param>
    public async Task<IPage> NewPersonAsync(Uri baseUrl, Geolocation? location = null)
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "(no test)";
        string? leaked;
        lock (open) leaked = open.Select(o => o.Test).FirstOrDefault(t => t != test);
        if (leaked is not null)
            throw new InvalidOperationException($"The people opened by {leaked} are still open: its class must close them after each test " +
                "(IAsyncDisposable, calling BrowserFixture.CloseEveryoneAsync).");
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "zh-CN",
            Geolocation = location,
            Permissions = location is null ? null : ["geolocation"],
        });
        context.SetDefaultTimeout(15_000);
        lock (open) open.Add((context, test));
        return await context.NewPageAsync();
    }

    /// <summary>Closes every person opened so far (tests run one at a time, so these are the current test's).</summary>
    public async Task CloseEveryoneAsync()
    {
        List<IBrowserContext> closing;
        lock (open)
        {
            closing = [.. open.Select(o => o.Context)];
            open.Clear();
        }
        foreach (var context in closing) await context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

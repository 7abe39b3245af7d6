using System.Diagnostics;
using System.Net;
using LiveHire.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The people who ask. For LiveHire: distinct candidates registered through the real sign-up form
/// (<c>/account/register</c>, antiforgery token from the GET), each holding its own sign-in cookie; for the bare hub:
/// anonymous connections. Slow mode (3 questions per 30 s per person) is respected by handing out a person only
/// while they have questions left in their window.
/// </summary>
public sealed class Askers
{
    // Slow mode: 3 questions per 30 s per person. The server's window starts when the first question reaches Redis,
    // a little after it leaves here, hence 32 s.
    private const int PerWindow = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(32);

    private readonly List<CookieContainer> people;
    private readonly Turns turns;
    private HubConnection[] connected = [];

    private Askers(List<CookieContainer> people, bool slowMode)
    {
        this.people = people;
        turns = new Turns(people.Count, slowMode ? PerWindow : 0, Window);
    }

    public int Count => people.Count;

    /// <summary>The sign-in cookie jar of person <paramref name="index"/> (for their HTTP requests and connections).</summary>
    public CookieContainer Cookies(int index) => people[index];

    public static async Task<Askers> RegisterAsync(Uri web, int count, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var people = new CookieContainer[count];
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var client = SignedInClient.Anonymous(web);
                var token = await client.AntiforgeryTokenAsync("/account/register", ct);
                using var response = await client.Http.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["DisplayName"] = $"压测求职者{i}",
                    ["Email"] = $"bench-{run}-{i}@bench.livehire",
                    ["Password"] = "Bench2026pass",
                    ["__RequestVerificationToken"] = token,
                }), ct);
                if (response.StatusCode != HttpStatusCode.Redirect || !client.Cookies.GetCookies(web).Any(c => c.Name == ".LiveHire.Auth"))
                    throw new InvalidOperationException($"Sign-up {i} failed: {(int)response.StatusCode}");
                people[i] = client.Cookies;
            }
        }
        // Sign-up hashes a password (deliberately slow): a few at a time per core keeps Web responsive.
        await Task.WhenAll(Enumerable.Range(0, 3 * Environment.ProcessorCount).Select(_ => Task.Run(Worker, ct)));
        return new Askers([.. people], slowMode: true);
    }

    public static Askers Anonymous(int count) => new([.. Enumerable.Range(0, count).Select(_ => new CookieContainer())], slowMode: false);

    /// <summary>Connects every asker to <paramref name="hub"/> (they do not join the room: viewers are counted exactly).</summary>
    public async Task<List<HubConnection>> ConnectAsync(Uri hub, CancellationToken ct)
    {
        var connections = new HubConnection[people.Count];
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(people.Select(async (cookies, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(hub, "/hubs/live"), o =>
                    {
                        o.Cookies = cookies;
                        o.SkipNegotiation = true;
                        o.Transports = HttpTransportType.WebSockets;
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(5);
                await connection.StartAsync(ct);
                connections[i] = connection;
            }
            finally { gate.Release(); }
        }));
        // Fresh connections, the same people: their slow-mode windows carry over.
        connected = connections;
        return [.. connections];
    }

    /// <summary>
    /// Waits (at most one slow-mode window) until two thirds of the askers' questions are free again, so a run starts with
    /// most of the pool and is not starved by the run before it. Returns how long it waited.
    /// </summary>
    public Task<TimeSpan> WaitUntilMostlyReadyAsync(CancellationToken ct) => turns.WaitUntilReadyAsync(2.0 / 3, ct);

    /// <summary>The next asker who may ask now, waiting (and reporting the wait) when slow mode has used everyone up.</summary>
    public async Task<(HubConnection Connection, TimeSpan Waited)> NextAsync(CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var (person, _) = (await turns.NextAsync(ct))!.Value;
        return (connected[person], waited.Elapsed);
    }
}

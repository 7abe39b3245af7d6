using System.Diagnostics;
using System.Net;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The people who ask and vote. For LiveHire: distinct candidates, each holding its own sign-in cookie (see
/// <see cref="SeedAsync"/>); for the bare hub: anonymous connections. Slow mode (3 questions per 30 s per person) is
/// respected by handing out a person only while they have questions left in their window.
/// </summary>
public sealed class Askers
{
    // Slow mode: 3 questions per 30 s per person. The server's window starts when the first question reaches Redis,
    // a little after it leaves here, hence 32 s.
    private const int PerWindow = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(32);

    private readonly List<CookieContainer> people;
    private readonly Turns turns;
    private readonly Dictionary<int, HubConnection> connected = [];

    private Askers(List<CookieContainer> people, bool slowMode)
    {
        this.people = people;
        turns = new Turns(people.Count, slowMode ? PerWindow : 0, Window);
    }

    public int Count => people.Count;

    /// <summary>The sign-in cookie jar of person <paramref name="index"/> (for their HTTP requests and connections).</summary>
    public CookieContainer Cookies(int index) => people[index];

    /// <summary>
    /// <paramref name="count"/> candidates written straight into the deployment's PostgreSQL (users with the Candidate
    /// role, as sign-up makes them), each given the sign-in cookie LiveHire itself would issue: the principal from
    /// Identity's claims factory (LiveHire's, through <c>AddLiveHireIdentity</c>) sealed by the cookie scheme's own
    /// ticket format with the deployment's data-protection key ring, which lives in that database. Web and Realtime then
    /// authenticate them as any signed-in candidate. Signing up through the form hashes each password with PBKDF2 on
    /// purpose, and at thousands of people that took longer than the measurements themselves.
    /// </summary>
    public static async Task<Askers> SeedAsync(BenchDeployment deployment, int count, CancellationToken ct)
    {
        var web = deployment.Web.BaseUrl;
        // Web makes the key ring's first key on its first use (antiforgery here); the cookies must be sealed with that
        // key, not with a second one this process would make if it found none.
        using (var visitor = SignedInClient.Anonymous(web)) await visitor.AntiforgeryTokenAsync("/account/login", ct);

        var connectionString = deployment.Settings["LiveHire__Postgres"];
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<LiveHireDbContext, PostgresLiveHireDbContext>(o => o.UseNpgsql(connectionString))
            .AddLiveHireIdentity()
            .BuildServiceProvider();
        var run = Guid.NewGuid().ToString("N")[..8];
        var prefix = $"bench-asker-{run}-";
        List<User> seeded;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
            var now = DateTimeOffset.UtcNow;
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp")
                SELECT gen_random_uuid(), '压测求职者' || g, {2}, {0} || g || '@bench.livehire', upper({0} || g || '@bench.livehire'),
                    {0} || g || '@bench.livehire', upper({0} || g || '@bench.livehire'), false, false, false, true, 0,
                    md5(random()::text), gen_random_uuid()::text
                FROM generate_series(1, {1}) AS g
                """, [prefix, count, now], ct);
            var added = await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
                SELECT u."Id", r."Id" FROM "AspNetUsers" AS u CROSS JOIN "AspNetRoles" AS r
                WHERE u."UserName" LIKE {0} AND r."NormalizedName" = {1}
                """, [prefix + "%", Roles.Candidate.ToUpperInvariant()], ct);
            if (added != count) throw new InvalidOperationException($"The Candidate role went to {added} of {count} seeded candidates (the demo seed makes the role).");
            seeded = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith(prefix)).OrderBy(u => u.UserName).ToListAsync(ct);
        }

        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var jars = new CookieContainer[count];
        var next = -1;
        async Task Worker()
        {
            await using var scope = services.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<User>>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var principal = await factory.CreateAsync(seeded[i]);
                var issued = DateTimeOffset.UtcNow;
                var value = cookie.TicketDataFormat.Protect(new AuthenticationTicket(principal,
                    new AuthenticationProperties { IsPersistent = true, IssuedUtc = issued, ExpiresUtc = issued + cookie.ExpireTimeSpan },
                    IdentityConstants.ApplicationScheme));
                // Longer than this, the cookie scheme would have split it into chunks, which this jar does not reproduce.
                if (value.Length > 4000) throw new InvalidOperationException($"A sign-in cookie of {value.Length} characters would be chunked.");
                var jar = new CookieContainer();
                jar.Add(web, new Cookie(IdentitySetup.CookieName, value, "/") { HttpOnly = true });
                jars[i] = jar;
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Worker, ct)));
        return new Askers([.. jars], slowMode: true);
    }

    public static Askers Anonymous(int count) => new([.. Enumerable.Range(0, count).Select(_ => new CookieContainer())], slowMode: false);

    /// <summary>Connects every asker to <paramref name="hub"/> (they do not join the room: viewers are counted exactly).</summary>
    public Task<List<HubConnection>> ConnectAsync(Uri hub, CancellationToken ct) => ConnectAsync(hub, people.Count, ct);

    /// <summary>
    /// Connects the <paramref name="count"/> askers with the most questions left now (they do not join the room), and hands
    /// out only them until the next call: a run needs a few hundred, and connecting every person for every run would cost
    /// the server seconds of handshakes each time. Connections of an earlier call are the caller's to close.
    /// </summary>
    public async Task<List<HubConnection>> ConnectAsync(Uri hub, int count, CancellationToken ct)
    {
        var chosen = turns.Freest(Math.Min(count, people.Count));
        var connections = new HubConnection[chosen.Count];
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(chosen.Select(async (person, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(hub, "/hubs/live"), o =>
                    {
                        o.Cookies = people[person];
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
        lock (connected)
        {
            connected.Clear();
            foreach (var (person, i) in chosen.Select((p, i) => (p, i))) connected[person] = connections[i];
        }
        turns.Activate(chosen);
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
        lock (connected) return (connected[person], waited.Elapsed);
    }
}

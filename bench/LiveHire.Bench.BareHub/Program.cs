using Microsoft.AspNetCore.SignalR;

// The baseline: a bare SignalR hub of the live room's shape (join a group, one client asks, the hub broadcasts the
// question to the group), with no database, no Redis, no authentication and no presence. Same transport (WebSockets),
// protocol (JSON) and message size limit as LiveHire.Realtime. URL from ASPNETCORE_URLS.
// For the vote storm it also gives a reference (not a baseline): VoteQuestion sends the Redis commands LiveHire's vote
// sends, and a live ranking like LiveHire's goes to everyone connected, so the bench can show what the target asks for costs
// in SignalR by itself.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
builder.Services.AddSingleton<VoteReplay>();
builder.Services.AddHostedService<RankingBroadcaster>();
var app = builder.Build();
app.MapGet("/health/live", () => "ok");
app.MapHub<BareHub>("/hubs/live");
app.Run();

/// <summary>The same wire shape as LiveHire's QuestionView, so a broadcast carries the same bytes.</summary>
public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer,
    string Status, DateTimeOffset? PinnedAt, bool Answered);

public sealed record HubResult<T>(bool Ok, T? Value, object? Error);

public sealed record VoteView(Guid QuestionId, bool Voted, long Votes);

public sealed record HubError(string Code, string Message);

public sealed record VotesView(Guid SessionId, IReadOnlyDictionary<Guid, long> Votes);

/// <summary>
/// The live ranking, as LiveHire's VoteBroadcaster sends it: every 250 ms, for each session with new votes, one VotesChanged
/// with the changed questions' counts. To everyone connected (all of them are the voters in the room); the counts are the
/// toggle script's replies rather than a HGETALL (LiveHire reads one per batch: four a second, whatever the votes).
/// </summary>
public sealed class RankingBroadcaster(VoteReplay replay, IHubContext<BareHub> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            foreach (var (session, votes) in replay.TakeChanged())
                await hub.Clients.All.SendAsync("VotesChanged", new VotesView(session, votes), stoppingToken);
    }
}

/// <summary>
/// The Redis commands one LiveHire vote sends (captured by the bench), replayed for each vote with the caller's own
/// person, session and question put where the captured vote had its own: the limiter script, then the toggle script.
/// One multiplexer, configured as LiveHire's (its own socket manager on the thread pool).
/// </summary>
public sealed class VoteReplay : IAsyncDisposable
{
    private enum Slot { None, Person, SessionN, SessionD, QuestionN, QuestionD }

    /// <summary>One argument: literal text with the ids cut out, filled in per vote.</summary>
    private sealed record Argument(string[] Literals, Slot[] Slots)
    {
        public string Fill(string person, Guid session, Guid question)
        {
            if (Slots.Length == 0) return Literals[0];
            var parts = new string[Literals.Length + Slots.Length];
            for (var i = 0; i < Slots.Length; i++)
            {
                parts[2 * i] = Literals[i];
                parts[2 * i + 1] = Slots[i] switch
                {
                    Slot.Person => person,
                    Slot.SessionN => session.ToString("N"),
                    Slot.SessionD => session.ToString(),
                    Slot.QuestionN => question.ToString("N"),
                    _ => question.ToString(),
                };
            }
            parts[^1] = Literals[^1];
            return string.Concat(parts);
        }
    }

    private sealed record Setup(StackExchange.Redis.ConnectionMultiplexer Redis, (string Name, Argument[] Arguments)[] Commands);

    private Setup? setup;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, System.Collections.Concurrent.ConcurrentDictionary<Guid, long>> changed = new();

    /// <summary>The counts voted on since the last call, per session.</summary>
    public IEnumerable<(Guid Session, IReadOnlyDictionary<Guid, long> Votes)> TakeChanged()
    {
        foreach (var session in changed.Keys)
            if (changed.TryRemove(session, out var votes)) yield return (session, votes);
    }

    public async Task PrepareAsync(int redisPort, string[][] commands, Guid session, Guid question)
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse($"127.0.0.1:{redisPort}");
        options.SocketManager = StackExchange.Redis.SocketManager.ThreadPool;
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
        (string, Slot)[] markers = [("__rand_int__", Slot.Person), (session.ToString("N"), Slot.SessionN), (session.ToString(), Slot.SessionD),
            (question.ToString("N"), Slot.QuestionN), (question.ToString(), Slot.QuestionD)];
        var parsed = commands.Select(c => (c[0], c.Skip(1).Select(a => Cut(a, markers)).ToArray())).ToArray();
        var earlier = Interlocked.Exchange(ref setup, new Setup(redis, parsed));
        if (earlier is not null) await earlier.Redis.DisposeAsync();
    }

    private static Argument Cut(string text, (string Marker, Slot Slot)[] markers)
    {
        List<string> literals = [];
        List<Slot> slots = [];
        var start = 0;
        while (true)
        {
            var (at, marker, slot) = markers.Select(m => (At: text.IndexOf(m.Marker, start, StringComparison.Ordinal), m.Marker, m.Slot))
                .Where(m => m.At >= 0).OrderBy(m => m.At).FirstOrDefault((-1, "", Slot.None));
            if (at < 0) break;
            literals.Add(text[start..at]);
            slots.Add(slot);
            start = at + marker.Length;
        }
        literals.Add(text[start..]);
        return new Argument([.. literals], [.. slots]);
    }

    /// <summary>The captured commands for this person, session and question; false when the limiter refused (LiveHire stops there too).</summary>
    public async Task<(bool Accepted, bool Voted, long Votes)> VoteAsync(string person, Guid session, Guid question)
    {
        var current = setup ?? throw new HubException("PrepareVotes first.");
        var db = current.Redis.GetDatabase();
        StackExchange.Redis.RedisResult? last = null;
        for (var i = 0; i < current.Commands.Length; i++)
        {
            var (name, template) = current.Commands[i];
            var arguments = new object[template.Length];
            for (var a = 0; a < template.Length; a++) arguments[a] = template[a].Fill(person, session, question);
            last = await db.ExecuteAsync(name, arguments);
            if (i == 0 && current.Commands.Length > 1 && (long)last == 0) return (false, false, 0);
        }
        var reply = (StackExchange.Redis.RedisResult[])last!;
        changed.GetOrAdd(session, _ => new())[question] = (long)reply[1];
        return (true, (long)reply[0] == 1, (long)reply[1]);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref setup, null) is { } current) await current.Redis.DisposeAsync();
    }
}

public sealed class BareHub : Hub
{
    private const string AuthorName = "陈小红";

    public async Task<HubResult<bool>> JoinSession(Guid sessionId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"session:{sessionId:N}");
        return new HubResult<bool>(true, true, null);
    }

    public async Task<HubResult<QuestionView>> AskQuestion(Guid sessionId, string text)
    {
        var view = new QuestionView(Guid.NewGuid(), sessionId, AuthorName, text.Trim(), DateTimeOffset.UtcNow, 0, null, "Visible", null, false);
        await Clients.Group($"session:{sessionId:N}").SendAsync("QuestionAsked", view);
        return new HubResult<QuestionView>(true, view, null);
    }

    /// <summary>The vote storm's reference: what to replay, and where the captured vote's ids are in it.</summary>
    public async Task<HubResult<bool>> PrepareVotes(int redisPort, string[][] commands, Guid capturedSession, Guid capturedQuestion, VoteReplay replay)
    {
        await replay.PrepareAsync(redisPort, commands, capturedSession, capturedQuestion);
        return new HubResult<bool>(true, true, null);
    }

    /// <summary>LiveHire's VoteQuestion, Redis calls only: each connection is one person.</summary>
    public async Task<HubResult<VoteView>> VoteQuestion(Guid sessionId, Guid questionId, VoteReplay replay)
    {
        if (Context.Items.TryGetValue("person", out var stored) is false || stored is not string person)
            Context.Items["person"] = person = Guid.NewGuid().ToString("N");
        var (accepted, voted, votes) = await replay.VoteAsync(person, sessionId, questionId);
        return accepted
            ? new HubResult<VoteView>(true, new VoteView(questionId, voted, votes), null)
            : new HubResult<VoteView>(false, null, new HubError("rate_limited", "At most 20 votes every 10 seconds."));
    }
}

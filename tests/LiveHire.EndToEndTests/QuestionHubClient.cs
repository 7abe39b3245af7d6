using System.Net.Http.Json;
using System.Threading.Channels;
using LiveHire.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.EndToEndTests;

// The documented Q&A wire shapes (docs/realtime.md), declared here so these tests check the protocol, not shared types.
public sealed record QuestionDetails(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer,
    string Status, DateTimeOffset? PinnedAt, bool Answered);
public sealed record QuestionRemovedView(Guid SessionId, Guid QuestionId);
public sealed record VotesView(Guid SessionId, Dictionary<Guid, long> Votes);
public sealed record VoteView(Guid QuestionId, bool Voted, long Votes);
public sealed record BannedPersonView(Guid UserId, string Name, DateTimeOffset BannedAt);
public sealed record ModerationView(Guid SessionId, bool PreModeration, int SlowModeSeconds, IReadOnlyList<BannedPersonView> Banned);
public sealed record ModerationQueueView(ModerationView Moderation, IReadOnlyList<QuestionDetails> Pending, IReadOnlyList<QuestionDetails> Hidden);
public sealed record QuestionSnapshot(IReadOnlyList<QuestionDetails> Questions, bool IsHost, IReadOnlyList<Guid> MyVotes);

/// <summary>A real SignalR client of the live hub for the Q&amp;A tests: any method by name, and the Q&amp;A events recorded.</summary>
public sealed class QuestionHubClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly SignedInClient http;

    public Channel<QuestionDetails> Asked { get; } = Channel.CreateUnbounded<QuestionDetails>();
    public Channel<QuestionDetails> Updated { get; } = Channel.CreateUnbounded<QuestionDetails>();
    public Channel<QuestionRemovedView> Removed { get; } = Channel.CreateUnbounded<QuestionRemovedView>();
    public Channel<VotesView> Votes { get; } = Channel.CreateUnbounded<VotesView>();

    private QuestionHubClient(HubConnection connection, SignedInClient http)
    {
        this.connection = connection;
        this.http = http;
        connection.On<QuestionDetails>("QuestionAsked", q => Asked.Writer.TryWrite(q));
        connection.On<QuestionDetails>("QuestionUpdated", q => Updated.Writer.TryWrite(q));
        connection.On<QuestionRemovedView>("QuestionRemoved", r => Removed.Writer.TryWrite(r));
        connection.On<VotesView>("VotesChanged", v => Votes.Writer.TryWrite(v));
    }

    public HubConnectionState State => connection.State;

    public static async Task<QuestionHubClient> ConnectAsync(Uri baseUrl, string? email, CancellationToken ct) =>
        await ConnectAsync(email is null ? SignedInClient.Anonymous(baseUrl) : await SignedInClient.SignInAsync(baseUrl, email, People.Password, ct), baseUrl, ct);

    /// <summary>Signs up a new candidate through the real sign-up form and connects as them.</summary>
    public static async Task<QuestionHubClient> NewCandidateAsync(Uri baseUrl, CancellationToken ct) =>
        await ConnectAsync(await People.SignUpCandidateAsync(baseUrl, ct), baseUrl, ct);

    private static async Task<QuestionHubClient> ConnectAsync(SignedInClient http, Uri baseUrl, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, "/hubs/live"), o => o.Cookies = http.Cookies).Build();
        var client = new QuestionHubClient(connection, http);
        await connection.StartAsync(ct);
        return client;
    }

    public Task<HubResult<T>> CallAsync<T>(string method, params object?[] args) => connection.InvokeCoreAsync<HubResult<T>>(method, args);

    public async Task<QuestionSnapshot> JoinAsync(Guid sessionId)
    {
        var joined = await CallAsync<QuestionSnapshot>("JoinSession", sessionId);
        joined.Ok.ShouldBeTrue(joined.Error?.Message);
        return joined.Value!;
    }

    public async Task<QuestionDetails> AskAsync(Guid sessionId, string text)
    {
        var asked = await CallAsync<QuestionDetails>("AskQuestion", sessionId, text);
        asked.Ok.ShouldBeTrue(asked.Error?.Message);
        return asked.Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        http.Dispose();
    }
}

/// <summary>Fresh sessions, so that tests changing moderation settings never meet each other.</summary>
public static class QuestionSessions
{
    /// <summary>The second demo candidate (刘大明).</summary>
    public const string Candidate2 = "candidate2@demo.livehire";

    /// <summary>A new session of the food employer (recruiter@demo hosts it), open for questions now.</summary>
    public static async Task<Guid> NewAsync(EmbeddedDeploymentFixture app, CancellationToken ct)
    {
        using var anonymous = new HttpClient { BaseAddress = app.BaseUrl };
        var live = (await anonymous.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.Single(s => s.Status == "Live");
        using var organizer = await SignedInClient.SignInAsync(app.BaseUrl, People.Organizer, People.Password, ct);
        var now = DateTimeOffset.UtcNow;
        using var response = await organizer.Http.PostAsJsonAsync("/api/v1/sessions",
            new { employerId = live.EmployerId, title = $"问答测试 {Guid.NewGuid():N}"[..20], start = now.AddMinutes(1), end = now.AddHours(1) }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionRow>(ct))!.Id;
    }

    private sealed record SessionRow(Guid Id, Guid EmployerId, string Status);
}

using System.Threading.Channels;
using LiveHire.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.EndToEndTests;

// The documented wire shapes (docs/realtime.md), declared here so these tests check the protocol, not shared types.
public sealed record HubError(string Code, string Message);
public sealed record HubResult<T>(bool Ok, T? Value, HubError? Error);
public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer);
public sealed record PresenceView(Guid SessionId, long Viewers, long Peak);
public sealed record ViewerView(Guid UserId, string Name, bool IsCandidate);
public sealed record ViewersView(Guid SessionId, IReadOnlyList<ViewerView> People, int SignedInCandidates, int SignedInOthers, int Anonymous);
public sealed record SessionView(Guid Id, string Title, string EmployerName, string Status, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd);
public sealed record JobCardView(Guid Id, string Title, decimal PayMin, decimal PayMax, string PayUnit, string Hours, string Type,
    string District, string Street, string Community, IReadOnlyList<string> Benefits, int Headcount, bool Verified);
public sealed record ShowcaseView(Guid SessionId, JobCardView? Current, IReadOnlyList<JobCardView> Lineup);
public sealed record ApplicationView(Guid ApplicationId, Guid SessionId, Guid JobId, string JobTitle, string CandidateName, bool HasResume,
    DateTimeOffset SubmittedAt);
public sealed record VideoStateView(Guid SessionId, string State, string PlaylistUrl);
public sealed record RoomSnapshot(SessionView Session, IReadOnlyList<QuestionView> Questions, PresenceView Presence, bool IsHost, bool CanAsk,
    IReadOnlyList<Guid> MyVotes, ShowcaseView Showcase, VideoStateView Video);

/// <summary>A real SignalR client of the live hub, as one person (cookies of a <see cref="SignedInClient"/>), recording events.</summary>
public sealed class LiveHubClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly SignedInClient http;

    public Channel<QuestionView> Questions { get; } = Channel.CreateUnbounded<QuestionView>();
    public Channel<PresenceView> Presence { get; } = Channel.CreateUnbounded<PresenceView>();

    private LiveHubClient(HubConnection connection, SignedInClient http)
    {
        this.connection = connection;
        this.http = http;
        connection.On<QuestionView>("QuestionAsked", q => Questions.Writer.TryWrite(q));
        connection.On<PresenceView>("PresenceChanged", p => Presence.Writer.TryWrite(p));
    }

    public HubConnectionState State => connection.State;

    /// <summary>Records every <paramref name="eventName"/> the server sends, from now on.</summary>
    public Channel<T> Events<T>(string eventName)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(eventName, e => channel.Writer.TryWrite(e));
        return channel;
    }

    /// <summary>Calls <paramref name="onReconnected"/> each time the automatic reconnect succeeds.</summary>
    public void OnReconnected(Func<Task> onReconnected) => connection.Reconnected += _ => onReconnected();

    /// <summary>Connects as <paramref name="email"/>, or anonymously when null.</summary>
    /// <param name="hubBaseUrl">Where the hub is, when not on <paramref name="baseUrl"/> (a particular Realtime node).</param>
    public static async Task<LiveHubClient> ConnectAsync(Uri baseUrl, string? email, CancellationToken ct = default, Uri? hubBaseUrl = null,
        bool autoReconnect = false)
    {
        var http = email is null ? SignedInClient.Anonymous(baseUrl) : await SignedInClient.SignInAsync(baseUrl, email, People.Password, ct);
        var hub = hubBaseUrl ?? baseUrl;
        if (hubBaseUrl is not null)
            foreach (System.Net.Cookie cookie in http.Cookies.GetCookies(baseUrl))
                http.Cookies.Add(hub, new System.Net.Cookie(cookie.Name, cookie.Value, "/", hub.Host));
        var builder = new HubConnectionBuilder().WithUrl(new Uri(hub, "/hubs/live"), o => o.Cookies = http.Cookies);
        if (autoReconnect) builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)]);
        var connection = builder.Build();
        var client = new LiveHubClient(connection, http);
        await connection.StartAsync(ct);
        return client;
    }

    public Task<HubResult<RoomSnapshot>> JoinAsync(Guid sessionId) => connection.InvokeAsync<HubResult<RoomSnapshot>>("JoinSession", sessionId);
    public Task<HubResult<ViewersView>> GetViewersAsync(Guid sessionId) => connection.InvokeAsync<HubResult<ViewersView>>("GetViewers", sessionId);
    public Task<HubResult<bool>> LeaveAsync(Guid sessionId) => connection.InvokeAsync<HubResult<bool>>("LeaveSession", sessionId);
    public Task<HubResult<ShowcaseView>> SetLineupAsync(Guid sessionId, params Guid[] jobIds) =>
        connection.InvokeAsync<HubResult<ShowcaseView>>("SetLineup", sessionId, jobIds);
    public Task<HubResult<ShowcaseView>> PresentJobAsync(Guid sessionId, Guid? jobId) =>
        connection.InvokeAsync<HubResult<ShowcaseView>>("PresentJob", sessionId, jobId);
    public Task<HubResult<VideoStateView>> GoLiveAsync(Guid sessionId) => connection.InvokeAsync<HubResult<VideoStateView>>("GoLive", sessionId);
    public Task<HubResult<VideoStateView>> EndSessionAsync(Guid sessionId) => connection.InvokeAsync<HubResult<VideoStateView>>("EndSession", sessionId);
    public Task<HubResult<QuestionView>> AskAsync(Guid sessionId, string? text) => connection.InvokeAsync<HubResult<QuestionView>>("AskQuestion", sessionId, text);

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        http.Dispose();
    }
}

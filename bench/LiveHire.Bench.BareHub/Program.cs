using Microsoft.AspNetCore.SignalR;

// The baseline: a bare SignalR hub of the live room's shape (join a group, one client asks, the hub broadcasts the
// question to the group), with no database, no Redis, no authentication and no presence. Same transport (WebSockets),
// protocol (JSON) and message size limit as LiveHire.Realtime. URL from ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
var app = builder.Build();
app.MapGet("/health/live", () => "ok");
app.MapHub<BareHub>("/hubs/live");
app.Run();

/// <summary>The same wire shape as LiveHire's QuestionView, so a broadcast carries the same bytes.</summary>
public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer,
    string Status, DateTimeOffset? PinnedAt, bool Answered);

public sealed record HubResult<T>(bool Ok, T? Value, object? Error);

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
}

using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Hubs;

/// <summary>
/// The live room. Anyone may connect, join and watch; each method says who may call it and the use case enforces it.
/// Each method gets its use case's handler injected as a parameter (SignalR resolves it from DI) and forwards to it.
/// Partial: each area of the room (questions, showcase) keeps its methods in its own file. Protocol: docs/realtime.md.
/// </summary>
public sealed partial class LiveHub(ILiveState state, PresenceBroadcaster presenceBroadcaster) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";
    private const string JoinedKey = "joined-sessions";

    /// <summary>Anyone. Joins the room and returns its snapshot; call again after a reconnect.</summary>
    public async Task<HubResult<RoomSnapshot>> JoinSession(Guid sessionId, JoinRoom.Handler joinRoom)
    {
        var result = await joinRoom.Handle(new JoinRoom.Command(sessionId, Context.User!, ViewerKey(), Context.ConnectionId), Context.ConnectionAborted);
        if (result.Ok) JoinedSessions().Add(sessionId);
        return result;
    }

    /// <summary>Anyone who joined. Leaves the room (also happens on disconnect).</summary>
    public async Task<HubResult<bool>> LeaveSession(Guid sessionId)
    {
        if (!JoinedSessions().Remove(sessionId))
            return HubResult<bool>.Failure("not_joined", "This connection has not joined that session.");
        await LeaveAsync(sessionId);
        return HubResult<bool>.Success(true);
    }

    /// <summary>The session's host (recruiters of its employer). Who is watching now: names of signed-in people, anonymous count.</summary>
    public Task<HubResult<ViewersView>> GetViewers(Guid sessionId, ListViewers.Handler listViewers) =>
        listViewers.Handle(new ListViewers.Command(sessionId, Context.User!), Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var sessionId in JoinedSessions().ToArray())
            await LeaveAsync(sessionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(Guid sessionId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Hosts(sessionId));
        var presence = await state.LeaveAsync(sessionId, ViewerKey(), Context.ConnectionId);
        if (presence.PersonChanged)
            presenceBroadcaster.Changed(sessionId, presence);
    }

    private HashSet<Guid> JoinedSessions()
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is HashSet<Guid> set) return set;
        set = [];
        Context.Items[JoinedKey] = set;
        return set;
    }

    /// <summary>A person, not a tab: the user id when signed in, else the anonymous-visitor cookie, else the connection.</summary>
    private string ViewerKey()
    {
        if (Context.User?.UserId() is { } userId) return $"u:{userId:N}";
        var cookie = Context.GetHttpContext()?.Request.Cookies[AnonymousViewer.CookieName];
        return cookie is { Length: > 0 and <= 64 } ? $"a:{cookie}" : $"c:{Context.ConnectionId}";
    }
}

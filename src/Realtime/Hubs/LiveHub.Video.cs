using LiveHire.Realtime.Features.Video;

namespace LiveHire.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>The session's host. Opens the session; viewers get VideoStateChanged (StartingSoon until the picture arrives).</summary>
    public Task<HubResult<VideoStateView>> GoLive(Guid sessionId, GoLive.Handler goLive) =>
        goLive.Handle(new GoLive.Command(sessionId, Context.User!), Context.ConnectionAborted);

    /// <summary>The session's host. Ends the session and its video; viewers get VideoStateChanged (Ended).</summary>
    public Task<HubResult<VideoStateView>> EndSession(Guid sessionId, EndSession.Handler endSession) =>
        endSession.Handle(new EndSession.Command(sessionId, Context.User!), Context.ConnectionAborted);
}

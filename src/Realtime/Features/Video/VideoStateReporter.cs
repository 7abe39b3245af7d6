using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.Video;

/// <summary>Records a session's video state where every node can read it and tells the room.</summary>
public sealed class VideoStateReporter(ILiveVideoState state, IHubContext<LiveHub, ILiveClient> hub)
{
    public async Task<VideoStateView> ReportAsync(Guid sessionId, VideoState videoState, CancellationToken cancellationToken = default)
    {
        await state.SetStateAsync(sessionId, videoState, cancellationToken);
        var view = View(sessionId, videoState);
        await hub.Clients.Group(LiveGroups.Session(sessionId)).VideoStateChanged(view);
        return view;
    }

    public static VideoStateView View(Guid sessionId, VideoState state) =>
        new(sessionId, state.ToString(), VideoFiles.Url(sessionId, state == VideoState.Ended ? VideoFiles.VodPlaylist : VideoFiles.LivePlaylist));
}

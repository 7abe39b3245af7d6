namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    Task VideoStateChanged(VideoStateView video);
}

/// <summary>
/// The session's video as viewers should show it. <paramref name="State"/>: StartingSoon (no picture yet), Live,
/// Reconnecting (the broadcaster has been silent a few seconds), Ended. <paramref name="PlaylistUrl"/> is the HLS
/// playlist to play (the live window; the whole recording once ended).
/// </summary>
public sealed record VideoStateView(Guid SessionId, string State, string PlaylistUrl);

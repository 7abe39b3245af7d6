namespace LiveHire.Core.Ports;

/// <summary>What viewers are told about a session's video (docs/realtime.md, VideoStateChanged).</summary>
public enum VideoState { StartingSoon = 1, Live = 2, Reconnecting = 3, Ended = 4 }

/// <summary>
/// Shared, non-durable state of live video: each session's video state (so a viewer joining on any node learns it)
/// and the ingest lease that keeps one session's ffmpeg on one node. In memory in Embedded mode, Redis in
/// Distributed mode; both adapters pass the same test suite.
/// </summary>
public interface ILiveVideoState
{
    Task SetStateAsync(Guid sessionId, VideoState state, CancellationToken cancellationToken = default);

    /// <summary>The last state set, or null when no video has been reported for the session.</summary>
    Task<VideoState?> GetStateAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the session's ingest lease for <paramref name="node"/>, or renews it when that node holds it already.
    /// False while another node holds an unexpired lease.
    /// </summary>
    Task<bool> TryHoldIngestAsync(Guid sessionId, string node, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, when <paramref name="node"/> holds it.</summary>
    Task ReleaseIngestAsync(Guid sessionId, string node, CancellationToken cancellationToken = default);
}

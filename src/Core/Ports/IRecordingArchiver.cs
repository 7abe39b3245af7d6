namespace LiveHire.Core.Ports;

/// <summary>
/// Asks for a session's recording to be archived once its live video has ended (see docs/adr/0004-video-path.md).
/// The request is a row in the database (one per session, so asking twice is harmless); a Workers job does the work.
/// </summary>
public interface IRecordingArchiver
{
    Task RequestArchiveAsync(Guid sessionId, CancellationToken cancellationToken = default);
}

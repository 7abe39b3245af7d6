using System.ComponentModel.DataAnnotations;

namespace LiveHire.Core.Options;

/// <summary>Recording archive and retention settings, bound from "LiveHire:Video" and validated at start-up.</summary>
public sealed class RecordingOptions
{
    public const string Section = "LiveHire:Video";

    /// <summary>Recordings (the MP4 and the session's segments and playlists) older than this many days are deleted.</summary>
    [Range(1, 36500, ErrorMessage = "LiveHire:Video:RecordingRetentionDays must be 1 to 36500 days.")]
    public int RecordingRetentionDays { get; set; } = 365;

    /// <summary>
    /// How long a Workers process holds a recording it is archiving; if it dies, another takes over after this.
    /// Longer than the slowest archive (a 12-hour session remuxes in a few minutes).
    /// </summary>
    [Range(10, 86400, ErrorMessage = "LiveHire:Video:RecordingArchiveLeaseSeconds must be 10 to 86400 seconds.")]
    public int RecordingArchiveLeaseSeconds { get; set; } = 1800;

    /// <summary>
    /// How often each job server looks for newly requested recordings, so an archive starts seconds after its session
    /// ends rather than at the next minutely sweep (which still handles retries and expired leases).
    /// </summary>
    [Range(1, 60, ErrorMessage = "LiveHire:Video:RecordingPollSeconds must be 1 to 60 seconds.")]
    public int RecordingPollSeconds { get; set; } = 5;

    /// <summary>The ffmpeg and ffprobe executables (Debian's, on the PATH, by default).</summary>
    [Required] public string Ffmpeg { get; set; } = "ffmpeg";
    [Required] public string Ffprobe { get; set; } = "ffprobe";

    public TimeSpan ArchiveLease => TimeSpan.FromSeconds(RecordingArchiveLeaseSeconds);
    public TimeSpan Poll => TimeSpan.FromSeconds(RecordingPollSeconds);
    public TimeSpan Retention => TimeSpan.FromDays(RecordingRetentionDays);
}

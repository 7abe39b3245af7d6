using System.ComponentModel.DataAnnotations;
using LiveHire.Core.Hosting;

namespace LiveHire.Core.Options;

/// <summary>Live video settings, bound from "LiveHire:Video" (see docs/adr/0004-video-path.md).</summary>
public sealed class VideoOptions
{
    public const string Section = "LiveHire:Video";

    /// <summary>The ffmpeg executable: a full path, or a name looked up on PATH.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Target segment length; segments are cut at the first keyframe after it.</summary>
    [Range(1, 6)]
    public int SegmentSeconds { get; set; } = 1;

    /// <summary>Segments in the live playlist's sliding window.</summary>
    [Range(3, 30)]
    public int LiveWindowSegments { get; set; } = 6;

    /// <summary>After this long without a chunk from the broadcaster, viewers are told the video is reconnecting.</summary>
    [Range(1, 60)]
    public int SilenceSeconds { get; set; } = 4;

    /// <summary>The largest chunk a broadcaster may POST.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int MaxChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How many chunks may wait for a missing earlier one before it is given up on.</summary>
    [Range(1, 64)]
    public int ReorderWindow { get; set; } = 8;

    /// <summary>The ffmpeg to run, or null when there is none on this machine (live video is then unavailable).</summary>
    public string? ResolveFfmpeg() => Executables.Find(FfmpegPath);
}

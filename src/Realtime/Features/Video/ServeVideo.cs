using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using LiveHire.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// Anyone (rooms are public), except that once the host hides the session's recording only the host may: a session's
/// playlists and segments from blob storage. Playlists change every second, so
/// they are cached for one; a segment never changes once written. Only the names ADR 0004 defines are served, so no
/// other blob (and no internal path) can be reached through this URL.
/// </summary>
public static class ServeVideo
{
    public const string Prefix = "/video";
    public static readonly TimeSpan HiddenCheckInterval = TimeSpan.FromSeconds(5);

    private sealed record VideoAccess(bool Hidden, Guid EmployerId);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Prefix + "/{sessionId:guid}/{file}", ServeAsync);

    private static async Task<IResult> ServeAsync(Guid sessionId, string file, HttpContext http, IBlobStore blobs, IMemoryCache cache,
        LiveHireDbContext db, CancellationToken ct)
    {
        if (!VideoFiles.IsServable(file)) return Error.NotFound("Video file").ToProblem();
        // A hidden recording must not stay watchable from the segments it was made of. Viewers fetch a playlist every
        // second, so whether the session's video is hidden (and whose it is) is read at most every few seconds.
        var access = await cache.GetOrCreateAsync(("video-access", sessionId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HiddenCheckInterval;
            var hidden = await db.Recordings.AsNoTracking().AnyAsync(r => r.SessionId == sessionId && r.Hidden, ct);
            var employerId = hidden ? await db.LiveSessions.Where(s => s.Id == sessionId).Select(s => s.EmployerId).SingleAsync(ct) : Guid.Empty;
            return new VideoAccess(hidden, employerId);
        });
        if (access!.Hidden && !http.User.IsRecruiterOf(access.EmployerId)) return Error.NotFound("Video file").ToProblem();
        var blob = await blobs.OpenReadAsync(VideoFiles.Key(sessionId, file), ct);
        if (blob is null) return Error.NotFound("Video file").ToProblem();
        http.Response.Headers.CacheControl = VideoFiles.IsPlaylist(file) ? "public, max-age=1" : "public, max-age=31536000, immutable";
        http.Response.RegisterForDisposeAsync(blob);
        return TypedResults.Stream(blob.Content, VideoFiles.IsPlaylist(file) ? "application/vnd.apple.mpegurl" : "video/mp2t");
    }
}

using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// Anyone (rooms are public): a session's playlists and segments from blob storage. Playlists change every second, so
/// they are cached for one; a segment never changes once written. Only the names ADR 0004 defines are served, so no
/// other blob (and no internal path) can be reached through this URL.
/// </summary>
public static class ServeVideo
{
    public const string Prefix = "/video";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Prefix + "/{sessionId:guid}/{file}", ServeAsync);

    private static async Task<IResult> ServeAsync(Guid sessionId, string file, HttpContext http, IBlobStore blobs, CancellationToken ct)
    {
        if (!VideoFiles.IsServable(file)) return Error.NotFound("Video file").ToProblem();
        var blob = await blobs.OpenReadAsync(VideoFiles.Key(sessionId, file), ct);
        if (blob is null) return Error.NotFound("Video file").ToProblem();
        http.Response.Headers.CacheControl = VideoFiles.IsPlaylist(file) ? "public, max-age=1" : "public, max-age=31536000, immutable";
        http.Response.RegisterForDisposeAsync(blob);
        return TypedResults.Stream(blob.Content, VideoFiles.IsPlaylist(file) ? "application/vnd.apple.mpegurl" : "video/mp2t");
    }
}

using System.Globalization;
using System.Security.Claims;
using LiveHire.Core.Ports;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace LiveHire.Web.Features.Recordings;

/// <summary>
/// The replay's MP4 for the page's &lt;video&gt;, with HTTP range requests so the player can seek without downloading
/// what it skips. Anyone may play a ready recording that is not hidden; a hidden one plays only for its hosts (else 404).
/// </summary>
public static class StreamRecording
{
    public static string PathFor(Guid sessionId) => $"/replay/{sessionId}/video.mp4";

    public static void Map(IEndpointRouteBuilder site) =>
        site.MapGet("/replay/{sessionId:guid}/video.mp4", Handle).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> Handle(Guid sessionId, HttpContext http, ClaimsPrincipal user, IMediator mediator, IBlobStore blobs,
        CancellationToken ct)
    {
        var replay = await mediator.Send(new GetReplay.Query(sessionId, user), ct);
        if (replay is not { Playable: true }) return TypedResults.NotFound();

        var headers = http.Response.Headers;
        headers.AcceptRanges = "bytes";
        // Hidden recordings must not linger in shared caches once hidden; the browser may keep its own copy.
        headers.CacheControl = "private, max-age=300";
        headers.XContentTypeOptions = "nosniff";
        var range = http.Request.GetTypedHeaders().Range;
        if (range is { Unit.Value: "bytes", Ranges.Count: 1 } && range.Ranges.First() is { From: { } from } only)
        {
            var length = only.To is { } to ? Math.Max(0, to - from + 1) : (long?)null;
            var part = await blobs.OpenReadRangeAsync(replay.BlobKey!, from, length, ct);
            if (part is null) return TypedResults.NotFound();
            if (part.Length == 0)
            {
                await part.DisposeAsync();
                headers.ContentRange = $"bytes */{part.TotalLength}";
                return TypedResults.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
            }
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {part.Offset}-{part.Offset + part.Length - 1}/{part.TotalLength}");
            await using (part) await SendAsync(http, StatusCodes.Status206PartialContent, part.Content, part.ContentType, part.Length, ct);
            return TypedResults.Empty;
        }

        // No range, or one this endpoint does not serve (suffix, several): the whole file, which RFC 9110 allows.
        var whole = await blobs.OpenReadAsync(replay.BlobKey!, ct);
        if (whole is null) return TypedResults.NotFound();
        await using (whole) await SendAsync(http, StatusCodes.Status200OK, whole.Content, whole.ContentType, whole.Length, ct);
        return TypedResults.Empty;
    }

    private static async Task SendAsync(HttpContext http, int status, Stream content, string contentType, long length, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = length;
        // A player that seeks closes the connection mid-body; that cancels ct and ends the copy, which is expected.
        await content.CopyToAsync(http.Response.Body, ct);
    }
}

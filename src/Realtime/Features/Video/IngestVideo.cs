using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// The browser broadcaster's upload (docs/realtime.md, "Video ingest"). Only the session's host (a recruiter of its
/// employer), while the session is live. <c>POST /ingest/{sessionId}/epochs?type=</c> starts a recording run (an
/// epoch) and returns its number; <c>POST /ingest/{sessionId}/{epoch}/{sequence}</c> carries one MediaRecorder chunk.
/// </summary>
public static class IngestVideo
{
    public const string Prefix = "/ingest";

    public sealed record EpochStarted(int Epoch);
    public sealed record ChunkAccepted(int Epoch, long Sequence, bool Duplicate);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Prefix + "/{sessionId:guid}/epochs", StartEpochAsync);
        app.MapPost(Prefix + "/{sessionId:guid}/{epoch:int:min(1)}/{sequence:long:min(0)}", PushChunkAsync);
    }

    private static async Task<IResult> StartEpochAsync(Guid sessionId, string? type, ClaimsPrincipal user, LiveHireDbContext db, VideoIngest ingest,
        CancellationToken ct)
    {
        if (await CheckHostAsync(db, user, sessionId, ct) is { } denied) return denied.ToProblem();
        // Only H.264 is copied; VP8/VP9 (and anything unnamed) is encoded, which always works, only slower.
        var copyVideo = type is not null && (type.Contains("h264", StringComparison.OrdinalIgnoreCase)
            || type.Contains("avc1", StringComparison.OrdinalIgnoreCase));
        var started = await ingest.StartEpochAsync(sessionId, copyVideo, ct);
        return started.IsSuccess ? TypedResults.Ok(new EpochStarted(started.Value)) : started.Error!.ToProblem();
    }

    private static async Task<IResult> PushChunkAsync(Guid sessionId, int epoch, long sequence, HttpContext http, LiveHireDbContext db,
        VideoIngest ingest, IOptions<VideoOptions> options, CancellationToken ct)
    {
        if (await CheckHostAsync(db, http.User, sessionId, ct) is { } denied) return denied.ToProblem();
        var limit = options.Value.MaxChunkBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 1;
        if (http.Request.ContentLength > limit) return TooLarge(limit).ToProblem();
        using var body = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > limit) return TooLarge(limit).ToProblem();
            body.Write(buffer, 0, read);
        }
        if (body.Length == 0) return Error.Validation("video.empty_chunk", "A chunk carries at least one byte.").ToProblem();

        var pushed = await ingest.PushAsync(sessionId, epoch, sequence, body.ToArray(), ct);
        return pushed.IsSuccess
            ? TypedResults.Ok(new ChunkAccepted(epoch, sequence, pushed.Value == LiveVideo.Push.Duplicate))
            : pushed.Error!.ToProblem();
    }

    private static Error TooLarge(int limit) => new("video.too_large", $"A chunk is at most {limit / 1024} KB.");

    private static async Task<Error?> CheckHostAsync(LiveHireDbContext db, ClaimsPrincipal user, Guid sessionId, CancellationToken ct)
    {
        if (user.UserId() is null) return new Error("auth.required", "Sign in as the session's host to broadcast.");
        var session = await db.LiveSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EmployerId, s.Status }).SingleOrDefaultAsync(ct);
        if (session is null) return Error.NotFound("Session");
        if (!user.IsRecruiterOf(session.EmployerId)) return Error.Forbidden("Only the session's host (a recruiter of its employer) may broadcast.");
        if (session.Status != LiveSessionStatus.Live) return Error.Conflict("session.not_live", "Go live before broadcasting.");
        return null;
    }
}

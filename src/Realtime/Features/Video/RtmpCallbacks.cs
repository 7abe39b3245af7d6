using System.Security.Cryptography;
using System.Text;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// nginx's RTMP module asks these endpoints before it accepts a publish (<c>on_publish</c>), every few seconds while it
/// lasts (<c>on_update</c>: a rotated key or an ended session cuts it off), and when it stops (<c>on_publish_done</c>).
/// Only nginx may call them: each call's path carries the callback token from <see cref="RtmpOptions"/> (nginx appends the
/// stream's own arguments as the query string). A 2xx answer lets the
/// stream through; anything else refuses it. The stream key arrives as the stream name and is never logged.
/// </summary>
public static class RtmpCallbacks
{
    public const string Path = "/rtmp";

    public sealed class Handler(LiveHireDbContext db, RoomCache cache, TimeProvider clock, VideoIngest ingest, VideoStateReporter reporter, IOptions<RtmpOptions> rtmp)
    {
        /// <summary>
        /// Lets an accepted publish in: the session goes live if it was only scheduled (for an OBS user, starting the stream
        /// is going live), and this node starts reading the stream back from nginx as the session's next epoch.
        /// </summary>
        public async Task<Result<Guid>> BeginAsync(string? key, CancellationToken cancellationToken)
        {
            var authorized = await AuthorizeAsync(key, cancellationToken);
            if (!authorized.IsSuccess) return authorized;
            var session = await db.LiveSessions.SingleAsync(s => s.Id == authorized.Value, cancellationToken);
            var wasScheduled = session.Status == LiveSessionStatus.Scheduled;
            var live = session.GoLive(clock.GetUtcNow());
            if (!live.IsSuccess) return live.Error!;
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(session.Id);
            if (wasScheduled) await reporter.ReportAsync(session.Id, VideoState.StartingSoon, cancellationToken);
            var started = await ingest.StartEpochAsync(session.Id, copyVideo: true, cancellationToken, PullSource(key!));
            return started.IsSuccess ? session.Id : started.Error!;
        }

        /// <summary>nginx's periodic check of a running publish: still allowed? And if this node's ffmpeg died, it reads again.</summary>
        public async Task<Result<Guid>> ContinueAsync(string? key, CancellationToken cancellationToken)
        {
            var authorized = await AuthorizeAsync(key, cancellationToken);
            if (!authorized.IsSuccess) return authorized;
            var pulling = await ingest.KeepPullingAsync(authorized.Value, PullSource(key!), cancellationToken);
            return pulling.IsSuccess ? authorized : pulling.Error!;
        }

        // The key is in this URL: it goes to ffmpeg's arguments on this machine and nowhere a viewer can see.
        private Uri PullSource(string key) => new($"{rtmp.Value.PullUrl.TrimEnd('/')}/{key}");

        /// <summary>The session a key may publish to now, or why not.</summary>
        public async Task<Result<Guid>> AuthorizeAsync(string? key, CancellationToken cancellationToken)
        {
            if (!StreamKey.LooksLikeKey(key)) return Error.Forbidden("Unknown stream key.");
            var hash = StreamKey.Hash(key!);
            var sessionId = await db.StreamKeys.AsNoTracking().Where(k => k.KeyHash == hash).Select(k => (Guid?)k.SessionId)
                .SingleOrDefaultAsync(cancellationToken);
            // A rotated key's hash is gone, so it reads exactly like a wrong one.
            if (sessionId is null) return Error.Forbidden("Unknown stream key.");
            var session = await db.LiveSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
            var usable = StreamKey.CheckSession(session, clock.GetUtcNow());
            return usable.IsSuccess ? session.Id : usable.Error!;
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var rtmp = app.MapGroup(Path + "/{token}").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                HasCallbackToken(context.HttpContext) ? await next(context) : Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: "Only nginx's RTMP module may call this."));

        rtmp.MapGet("/on-publish", async (HttpRequest request, Handler handler, ILoggerFactory logs, CancellationToken ct) =>
        {
            var form = request.Query;
            var result = await handler.BeginAsync(form["name"], ct);
            var log = logs.CreateLogger(typeof(RtmpCallbacks));
            if (!result.IsSuccess)
            {
                log.LogWarning("RTMP publish from {Address} refused: {Reason}", (string?)form["addr"], result.Error!.Message);
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: result.Error.Message);
            }
            log.LogInformation("RTMP publish from {Address} accepted for session {SessionId}", (string?)form["addr"], result.Value);
            return Results.NoContent();
        });

        // Called for players too (Realtime reading the stream back on loopback): those are nginx's own business.
        rtmp.MapGet("/on-update", async (HttpRequest request, Handler handler, CancellationToken ct) =>
        {
            var form = request.Query;
            if (form["call"] != "update_publish") return Results.NoContent();
            var result = await handler.ContinueAsync(form["name"], ct);
            return result.IsSuccess ? Results.NoContent() : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: result.Error!.Message);
        });

        rtmp.MapGet("/on-publish-done", () => Results.NoContent());
    }

    private static bool HasCallbackToken(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RtmpOptions>>().Value;
        if (!options.Enabled) return false;
        var given = Encoding.UTF8.GetBytes(context.Request.RouteValues["token"] as string ?? "");
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(options.CallbackToken));
    }
}

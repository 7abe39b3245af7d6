using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Features.Sessions;

/// <summary>
/// The host gets a new RTMP stream key for OBS. Issuing again rotates it: the old key stops working at once, and nginx
/// drops a broadcaster still using it at its next check. The key is shown in this response only; LiveHire keeps its hash.
/// </summary>
public static class IssueStreamKey
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller) : ICommand<Result<IssuedKey>>;

    /// <param name="Server">What to type into OBS as the server.</param>
    /// <param name="Key">What to type into OBS as the stream key. Shown once.</param>
    public sealed record IssuedKey(string Server, string Key, DateTimeOffset IssuedAt, DateTimeOffset ValidUntil);

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock, IOptions<RtmpOptions> rtmp) : ICommandHandler<Command, Result<IssuedKey>>
    {
        public async ValueTask<Result<IssuedKey>> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.LiveSessions.FindAsync([command.SessionId], cancellationToken);
            // Another employer's session reads as missing.
            if (session is null || !command.Caller.IsRecruiterOf(session.EmployerId)) return Error.NotFound("Session");
            if (!rtmp.Value.Enabled)
                return Error.Conflict("rtmp.off", "This LiveHire does not accept OBS (RTMP) streams; broadcast from the studio page instead.");
            var now = clock.GetUtcNow();
            var issuer = command.Caller.UserId()!.Value;
            var existing = await db.StreamKeys.FindAsync([session.Id], cancellationToken);
            string plain;
            if (existing is null)
            {
                var issued = StreamKey.Issue(session, issuer, now);
                if (!issued.IsSuccess) return issued.Error!;
                db.StreamKeys.Add(issued.Value.Key);
                plain = issued.Value.Plain;
            }
            else
            {
                var rotated = existing.Rotate(session, issuer, now);
                if (!rotated.IsSuccess) return rotated.Error!;
                plain = rotated.Value!;
            }
            await db.SaveChangesAsync(cancellationToken);
            return new IssuedKey(rtmp.Value.PublicUrl, plain, now, session.ScheduledEnd + StreamKey.Grace);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions/{sessionId:guid}/stream-key",
                async Task<Results<Ok<IssuedKey>, ProblemHttpResult>> (Guid sessionId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(sessionId, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("IssueStreamKey")
            .WithSummary("Issue or rotate the session's OBS (RTMP) stream key; the session's own recruiters only. The key is shown once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

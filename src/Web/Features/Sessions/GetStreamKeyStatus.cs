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

/// <summary>What the studio shows about OBS: whether RTMP is on, the server to type in, and when the key was issued (never the key).</summary>
public static class GetStreamKeyStatus
{
    public sealed record Query(Guid SessionId, ClaimsPrincipal Caller) : IQuery<Result<KeyStatus>>;

    public sealed record KeyStatus(bool RtmpEnabled, string Server, DateTimeOffset? IssuedAt);

    public sealed class Handler(LiveHireDbContext db, IOptions<RtmpOptions> rtmp) : IQueryHandler<Query, Result<KeyStatus>>
    {
        public async ValueTask<Result<KeyStatus>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = await db.LiveSessions.Where(s => s.Id == query.SessionId).Select(s => (Guid?)s.EmployerId).SingleOrDefaultAsync(cancellationToken);
            if (employerId is null || !query.Caller.IsRecruiterOf(employerId.Value)) return Error.NotFound("Session");
            var issuedAt = await db.StreamKeys.Where(k => k.SessionId == query.SessionId).Select(k => (DateTimeOffset?)k.IssuedAt).SingleOrDefaultAsync(cancellationToken);
            return new KeyStatus(rtmp.Value.Enabled, rtmp.Value.PublicUrl, issuedAt);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}/stream-key",
                async Task<Results<Ok<KeyStatus>, ProblemHttpResult>> (Guid sessionId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Query(sessionId, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("GetStreamKeyStatus")
            .WithSummary("Whether OBS (RTMP) is available for the session and when its key was issued; the session's own recruiters only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

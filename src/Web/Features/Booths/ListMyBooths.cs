using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>A recruiter's view of the fairs ahead: each with their employer's booth (if any) and its booked slots.</summary>
public static class ListMyBooths
{
    public sealed record Query(Guid EmployerId) : IQuery<IReadOnlyList<MyFairBooth>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<MyFairBooth>>
    {
        public async ValueTask<IReadOnlyList<MyFairBooth>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var fairs = await db.Fairs.AsNoTracking().Where(f => f.Status == FairStatus.Scheduled && f.EndsAt > now)
                .OrderBy(f => f.StartsAt).Take(50).ToListAsync(cancellationToken);
            var ids = fairs.Select(f => f.Id).ToList();
            var booths = await BoothView.Project(db.Booths.AsNoTracking().Where(b => b.EmployerId == query.EmployerId && ids.Contains(b.FairId)))
                .ToDictionaryAsync(b => b.FairId, cancellationToken);
            var slots = await db.LiveSessions.AsNoTracking()
                .Where(s => s.EmployerId == query.EmployerId && s.FairId != null && ids.Contains(s.FairId.Value) && s.Status != LiveSessionStatus.Cancelled)
                .OrderBy(s => s.ScheduledStart)
                .Select(s => new SessionSummary(s.Id, s.Title, s.EmployerId, s.Employer!.Name, s.FairId, s.Status.ToString(), s.ScheduledStart, s.ScheduledEnd))
                .ToListAsync(cancellationToken);
            return fairs.Select(f => new MyFairBooth(f.Id, f.Title, f.District, f.StartsAt, f.EndsAt, f.SlotMinutes, booths.GetValueOrDefault(f.Id),
                slots.Where(s => s.FairId == f.Id).ToList())).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/booths", async Task<Results<Ok<IReadOnlyList<MyFairBooth>>, ProblemHttpResult>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.OrganizationIdOf() is { } employerId
                    ? TypedResults.Ok(await mediator.Send(new Query(employerId), ct))
                    : (ProblemHttpResult)Error.Forbidden("Only an employer's recruiters have booths.").ToProblem())
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ListMyBooths")
            .WithSummary("Fairs ahead with your employer's booth and its slots (recruiters).");
}

public sealed record MyFairBooth(Guid FairId, string Title, string District, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int SlotMinutes,
    BoothView? Booth, IReadOnlyList<SessionSummary> Slots);

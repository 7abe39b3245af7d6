using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>The fair's organizer reviews its booth applications (pending first) beside the fair's timetable settings.</summary>
public static class ListFairBooths
{
    public sealed record Query(Guid FairId, Guid OrganizerId) : IQuery<Result<FairBooths>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, Result<FairBooths>>
    {
        public async ValueTask<Result<FairBooths>> Handle(Query query, CancellationToken cancellationToken)
        {
            var fair = await db.Fairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.FairId && f.OrganizerId == query.OrganizerId, cancellationToken);
            if (fair is null) return Error.NotFound("Fair");
            var booths = await BoothView.Project(db.Booths.AsNoTracking().Where(b => b.FairId == fair.Id)
                .OrderBy(b => b.Status).ThenBy(b => b.AppliedAt)).ToListAsync(cancellationToken);
            return new FairBooths(fair.Id, fair.Title, fair.StartsAt, fair.EndsAt, TimetableSettings.From(fair),
                booths.Count(b => b.Status == nameof(BoothStatus.Approved)), booths);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/fairs/{fairId:guid}/booths", Handle)
            .RequireAuthorization(Policies.Organizer)
            .WithName("ListFairBooths")
            .WithSummary("A fair's booth applications and timetable settings (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<FairBooths>, ProblemHttpResult>> Handle(Guid fairId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff review booths.").ToProblem();
        var result = await mediator.Send(new Query(fairId, organizerId), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

public sealed record FairBooths(Guid FairId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, TimetableSettings Settings, int Approved,
    IReadOnlyList<BoothView> Booths);

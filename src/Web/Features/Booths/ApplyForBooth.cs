using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>
/// A recruiter applies for their employer's booth in a fair. Applying again returns the booth already there (a declined or
/// withdrawn one is asked for anew); one booth per employer and fair, kept by a unique index.
/// </summary>
public static class ApplyForBooth
{
    public sealed record Command(Guid FairId, Guid EmployerId, Guid RecruiterId) : ICommand<Result<(BoothView Booth, bool Created)>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<(BoothView Booth, bool Created)>>
    {
        public async ValueTask<Result<(BoothView Booth, bool Created)>> Handle(Command command, CancellationToken cancellationToken)
        {
            var fair = await db.Fairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == command.FairId, cancellationToken);
            if (fair is null) return Error.NotFound("Fair");
            var employer = await db.Organizations.FindAsync([command.EmployerId], cancellationToken);
            if (employer is null) return Error.NotFound("Employer");
            var now = clock.GetUtcNow();

            var existing = await db.Booths.FirstOrDefaultAsync(b => b.FairId == fair.Id && b.EmployerId == employer.Id, cancellationToken);
            if (existing is not null)
            {
                var again = existing.Reapply(fair, command.RecruiterId, now);
                if (!again.IsSuccess) return again.Error!;
                await db.SaveChangesAsync(cancellationToken);
                return (await ViewAsync(existing.Id), false);
            }
            var applied = Booth.Apply(fair, employer, command.RecruiterId, now);
            if (!applied.IsSuccess) return applied.Error!;
            db.Booths.Add(applied.Value!);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two taps or two recruiters at once: the other request applied first and the unique index kept its row.
                db.ChangeTracker.Clear();
                var winner = await db.Booths.AsNoTracking().FirstOrDefaultAsync(b => b.FairId == fair.Id && b.EmployerId == employer.Id, cancellationToken);
                if (winner is null) throw;
                return (await ViewAsync(winner.Id), false);
            }
            return (await ViewAsync(applied.Value!.Id), true);

            Task<BoothView> ViewAsync(Guid id) => BoothView.Project(db.Booths.AsNoTracking().Where(b => b.Id == id)).SingleAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/fairs/{fairId:guid}/booths", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ApplyForBooth")
            .WithSummary("Apply for your employer's booth in a fair; a repeat returns the booth already there (recruiters).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<BoothView>, Ok<BoothView>, ProblemHttpResult>> Handle(Guid fairId, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (user.UserId() is not { } userId || user.OrganizationIdOf() is not { } employerId)
            return (ProblemHttpResult)Error.Forbidden("Only an employer's recruiters apply for booths.").ToProblem();
        var result = await mediator.Send(new Command(fairId, employerId, userId), ct);
        if (!result.IsSuccess) return (ProblemHttpResult)result.Error!.ToProblem();
        var (booth, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/fairs/{fairId}/booths/{booth.Id}", booth) : TypedResults.Ok(booth);
    }
}

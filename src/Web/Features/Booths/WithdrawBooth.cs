using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>A recruiter gives up their employer's booth in a fair; its slots that have not started are cancelled and free for others.</summary>
public static class WithdrawBooth
{
    public sealed record Command(Guid FairId, Guid EmployerId) : ICommand<Result<BoothView>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<BoothView>>
    {
        public async ValueTask<Result<BoothView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var booth = await db.Booths.FirstOrDefaultAsync(b => b.FairId == command.FairId && b.EmployerId == command.EmployerId, cancellationToken);
            if (booth is null) return Error.NotFound("Booth");
            var withdrawn = booth.Withdraw(clock.GetUtcNow());
            if (!withdrawn.IsSuccess) return withdrawn.Error!;
            var slots = await db.LiveSessions.Where(s => s.FairId == booth.FairId && s.EmployerId == booth.EmployerId && s.Status == LiveSessionStatus.Scheduled)
                .ToListAsync(cancellationToken);
            foreach (var slot in slots) slot.Cancel();
            await db.SaveChangesAsync(cancellationToken);
            return await BoothView.Project(db.Booths.AsNoTracking().Where(b => b.Id == booth.Id)).SingleAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/fairs/{fairId:guid}/booths/mine/withdraw", async Task<Results<Ok<BoothView>, ProblemHttpResult>> (Guid fairId, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
            {
                if (user.OrganizationIdOf() is not { } employerId)
                    return (ProblemHttpResult)Error.Forbidden("Only an employer's recruiters withdraw booths.").ToProblem();
                var result = await mediator.Send(new Command(fairId, employerId), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("WithdrawBooth")
            .WithSummary("Give up your employer's booth in a fair; its slots not yet started are cancelled (recruiters).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

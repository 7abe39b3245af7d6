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
/// The fair's organizer approves a booth (verifying the employer; refused once the fair's booths are all taken) or declines
/// it with a reason. The employer's recruiters are told either way.
/// </summary>
public static class DecideBooth
{
    public sealed record DeclineRequest(string Reason);

    /// <summary><paramref name="DeclineReason"/> null means approve.</summary>
    public sealed record Command(Guid FairId, Guid BoothId, Guid OrganizerId, Guid OrganizerUserId, string? DeclineReason) : ICommand<Result<BoothView>>;

    public sealed class Handler(LiveHireDbContext db, BoothNotices notices, TimeProvider clock) : ICommandHandler<Command, Result<BoothView>>
    {
        public async ValueTask<Result<BoothView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            Fair? fair = null;
            Booth? booth = null;
            BoothStatus? before = null;
            var decided = await TimetableWrites.DecideAndSaveAsync<bool>(db, async () =>
            {
                fair = await db.Fairs.FirstOrDefaultAsync(f => f.Id == command.FairId && f.OrganizerId == command.OrganizerId, cancellationToken);
                booth = fair is null ? null : await db.Booths.Include(b => b.Employer).FirstOrDefaultAsync(b => b.Id == command.BoothId && b.FairId == fair.Id, cancellationToken);
                if (fair is null || booth is null) return Result<bool>.Failure(Error.NotFound("Booth"));
                before = booth.Status;
                if (command.DeclineReason is { } reason)
                {
                    var declined = booth.Decline(reason, command.OrganizerUserId, now);
                    return declined.IsSuccess ? true : Result<bool>.Failure(declined.Error!);
                }
                var approved = await db.Booths.CountAsync(b => b.FairId == fair.Id && b.Status == BoothStatus.Approved && b.Id != booth.Id, cancellationToken);
                var done = booth.Approve(fair, booth.Employer!, approved, command.OrganizerUserId, now);
                return done.IsSuccess ? true : Result<bool>.Failure(done.Error!);
            }, cancellationToken);
            if (!decided.IsSuccess) return decided.Error!;
            if (before != booth!.Status) await notices.TellEmployerAsync(booth, fair!, cancellationToken);
            return await BoothView.Project(db.Booths.AsNoTracking().Where(b => b.Id == booth.Id)).SingleAsync(cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/fairs/{fairId:guid}/booths/{boothId:guid}/approve", (Guid fairId, Guid boothId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Send(user, (org, by) => new Command(fairId, boothId, org, by, null), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("ApproveBooth")
            .WithSummary("Approve a booth and verify its employer; 409 when the fair's booths are all taken (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/fairs/{fairId:guid}/booths/{boothId:guid}/decline", (Guid fairId, Guid boothId, DeclineRequest request, ClaimsPrincipal user,
                IMediator mediator, CancellationToken ct) =>
                Send(user, (org, by) => new Command(fairId, boothId, org, by, request.Reason ?? ""), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("DeclineBooth")
            .WithSummary("Decline a booth with a reason the employer is told (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> Send(ClaimsPrincipal user, Func<Guid, Guid, Command> command, IMediator mediator, CancellationToken ct)
    {
        if (user.UserId() is not { } userId || user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff decide booths.").ToProblem();
        var result = await mediator.Send(command(organizerId, userId), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

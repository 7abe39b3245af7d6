using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>A recruiter cancels one of their employer's slots in a fair before it starts; the time is free for others at once.</summary>
public static class CancelSlot
{
    public sealed record Command(Guid FairId, Guid SessionId, Guid EmployerId) : ICommand<Result>;

    public sealed class Handler(LiveHireDbContext db) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.LiveSessions.FirstOrDefaultAsync(s => s.Id == command.SessionId && s.FairId == command.FairId
                && s.EmployerId == command.EmployerId, cancellationToken);
            if (session is null) return Error.NotFound("Slot");
            if (session.Status == LiveSessionStatus.Cancelled) return Result.Success();
            var cancelled = session.Cancel();
            if (!cancelled.IsSuccess) return cancelled;
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/fairs/{fairId:guid}/slots/{sessionId:guid}", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("CancelSlot")
            .WithSummary("Cancel one of your employer's slots that has not started (recruiters of the employer).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid fairId, Guid sessionId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.OrganizationIdOf() is not { } employerId)
            return (ProblemHttpResult)Error.Forbidden("Only an employer's recruiters cancel slots.").ToProblem();
        var result = await mediator.Send(new Command(fairId, sessionId, employerId), ct);
        return result.IsSuccess ? TypedResults.NoContent() : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>
/// An organizer cancels or moves one of their fairs (one edition of a series). Its scheduled sessions are cancelled or
/// moved with it, and everyone affected (registered candidates, the recruiters of employers with a session in it) is told.
/// </summary>
public static class ChangeFair
{
    public sealed record MoveRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    /// <summary><paramref name="Move"/> null means cancel.</summary>
    public sealed record Command(Guid FairId, Guid OrganizerId, MoveRequest? Move) : ICommand<Result<FairView>>;

    public sealed class Handler(LiveHireDbContext db, FairNotices notices, ReminderSchedule reminders, TimeProvider clock) : ICommandHandler<Command, Result<FairView>>
    {
        public async ValueTask<Result<FairView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var fair = await db.Fairs.FirstOrDefaultAsync(f => f.Id == command.FairId && f.OrganizerId == command.OrganizerId, cancellationToken);
            if (fair is null) return Error.NotFound("Fair");
            var now = clock.GetUtcNow();
            var sessions = await db.LiveSessions.Where(s => s.FairId == fair.Id && s.Status == LiveSessionStatus.Scheduled).ToListAsync(cancellationToken);
            var (oldStart, oldEnd) = (fair.StartsAt, fair.EndsAt);
            Result changed;
            if (command.Move is { } move)
            {
                changed = fair.Move(move.StartsAt, move.EndsAt, now);
                if (changed.IsSuccess)
                    foreach (var s in sessions) changed = Combine(changed, s.Shift(fair.StartsAt - oldStart, now));
            }
            else
            {
                if (fair.Status == FairStatus.Cancelled) return FairView.From(fair);
                changed = fair.Cancel(now);
                if (changed.IsSuccess)
                    foreach (var s in sessions) changed = Combine(changed, s.Cancel());
            }
            if (!changed.IsSuccess) return changed.Error!;
            await db.SaveChangesAsync(cancellationToken);
            if (command.Move is null) await reminders.CancelAsync(fair.Id, cancellationToken);
            else await reminders.ScheduleAsync(fair.Id, null, cancellationToken);
            if (command.Move is null || fair.StartsAt != oldStart || fair.EndsAt != oldEnd)
                await notices.TellAffectedAsync(fair, command.Move is null ? NotificationKind.FairCancelled : NotificationKind.FairMoved, oldStart, cancellationToken);
            return FairView.From(fair);
        }

        private static Result Combine(Result soFar, Result next) => soFar.IsSuccess ? next : soFar;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/fairs/{fairId:guid}/cancel", (Guid fairId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Send(user, organizerId => new Command(fairId, organizerId, null), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("CancelFair")
            .WithSummary("Cancel a fair and its scheduled sessions; registered candidates and booth employers are told (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/fairs/{fairId:guid}/move", (Guid fairId, MoveRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Send(user, organizerId => new Command(fairId, organizerId, request), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("MoveFair")
            .WithSummary("Move a fair (its sessions move by the same amount); registered candidates and booth employers are told (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<FairView>, ProblemHttpResult>> Send(ClaimsPrincipal user, Func<Guid, Command> command, IMediator mediator, CancellationToken ct)
    {
        if (user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff can change fairs.").ToProblem();
        var result = await mediator.Send(command(organizerId), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

public sealed record FairView(Guid Id, Guid? SeriesId, string Title, string District, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZoneId)
{
    public static FairView From(Fair f) => new(f.Id, f.SeriesId, f.Title, f.District, f.Status.ToString(), f.StartsAt, f.EndsAt, f.TimeZoneId);
}

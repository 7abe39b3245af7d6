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
/// The fair's organizer sets how many booths it takes, how many sessions may be on air at once (stages) and the slot grid.
/// Nothing already granted is taken back: capacity never drops below the approved booths, stages never below the sessions
/// already booked side by side.
/// </summary>
public static class SetFairTimetable
{
    public sealed record Request(int BoothCapacity, int Stages, int SlotMinutes);

    public sealed record Command(Guid FairId, Guid OrganizerId, Request Request) : ICommand<Result<TimetableSettings>>;

    public sealed class Handler(LiveHireDbContext db) : ICommandHandler<Command, Result<TimetableSettings>>
    {
        public async ValueTask<Result<TimetableSettings>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            return await TimetableWrites.DecideAndSaveAsync<TimetableSettings>(db, async () =>
            {
                var fair = await db.Fairs.FirstOrDefaultAsync(f => f.Id == command.FairId && f.OrganizerId == command.OrganizerId, cancellationToken);
                if (fair is null) return Error.NotFound("Fair");
                var approved = await db.Booths.CountAsync(b => b.FairId == fair.Id && b.Status == BoothStatus.Approved, cancellationToken);
                var sessions = await TimetableWrites.SessionsAsync(db, fair.Id, cancellationToken);
                var peak = Timetable.PeakOverlap(sessions, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                var set = fair.SetTimetable(r.BoothCapacity, r.Stages, r.SlotMinutes, approved, peak);
                return set.IsSuccess ? TimetableSettings.From(fair) : Result<TimetableSettings>.Failure(set.Error!);
            }, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/fairs/{fairId:guid}/timetable/settings", Handle)
            .RequireAuthorization(Policies.Organizer)
            .WithName("SetFairTimetable")
            .WithSummary("Set a fair's booth capacity, stage count and slot length (the fair's organizer).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<TimetableSettings>, ProblemHttpResult>> Handle(Guid fairId, Request request, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff set a fair's timetable.").ToProblem();
        var result = await mediator.Send(new Command(fairId, organizerId, request), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

public sealed record TimetableSettings(Guid FairId, int BoothCapacity, int Stages, int SlotMinutes)
{
    public static TimetableSettings From(Fair f) => new(f.Id, f.BoothCapacity, f.Stages, f.SlotMinutes);
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>A fair's timetable as candidates read it: each session in time order with its employer and lineup. Anyone may read.</summary>
public static class GetTimetable
{
    public sealed record Query(Guid FairId) : IQuery<Result<TimetableView>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, Result<TimetableView>>
    {
        public async ValueTask<Result<TimetableView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var fair = await db.Fairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.FairId, cancellationToken);
            if (fair is null) return Error.NotFound("Fair");
            var sessions = await db.LiveSessions.AsNoTracking().Where(s => s.FairId == fair.Id && s.Status != LiveSessionStatus.Cancelled)
                .OrderBy(s => s.ScheduledStart)
                .Select(s => new
                {
                    s.Id, s.Title, Employer = s.Employer!.Name, s.ScheduledStart, s.ScheduledEnd, s.Status,
                    Jobs = s.Lineup.OrderBy(j => j.Position).Select(j => j.Job!.Title).ToList(),
                })
                .ToListAsync(cancellationToken);
            return new TimetableView(fair.Id, fair.Title, fair.District, fair.Status.ToString(), fair.StartsAt, fair.EndsAt, fair.Stages,
                sessions.Select(s => new TimetableRow(s.Id, s.Title, s.Employer, s.ScheduledStart, s.ScheduledEnd, s.Status.ToString(), s.Jobs)).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/fairs/{fairId:guid}/timetable", async Task<Results<Ok<TimetableView>, ProblemHttpResult>> (Guid fairId, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Query(fairId), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .AllowAnonymous()
            .WithName("GetTimetable")
            .WithSummary("A fair's timetable: its sessions in time order with employer and lineup (anyone).")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record TimetableView(Guid FairId, string Title, string District, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stages,
    IReadOnlyList<TimetableRow> Sessions);

/// <summary>One session on a timetable; <paramref name="Status"/> is the session's (Scheduled, Live, Ended).</summary>
public sealed record TimetableRow(Guid SessionId, string Title, string EmployerName, DateTimeOffset Start, DateTimeOffset End, string Status,
    IReadOnlyList<string> JobTitles);

using LiveHire.Core.Data;
using LiveHire.Core.Fairs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>A fair (or one session of it) as an .ics file to add to a phone's calendar. Anyone may download: fairs are public.</summary>
public static class DownloadFairCalendar
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/fairs/{fairId:guid}/calendar.ics", Handle)
            .AllowAnonymous()
            .WithName("DownloadFairCalendar")
            .WithSummary("The fair, or one of its sessions (?sessionId=), as an iCalendar file in the fair's time zone (anyone).")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(Guid fairId, Guid? sessionId, LiveHireDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var fair = await db.Fairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fairId, ct);
        var session = sessionId is { } id ? await db.LiveSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.FairId == fairId, ct) : null;
        if (fair is null || (sessionId is not null && session is null)) return TypedResults.NotFound();
        var ics = FairCalendar.For(fair, session, clock.GetUtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"livehire-{(session?.Id ?? fair.Id):N}.ics");
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Realtime.Hubs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>Reads a session's showcase (lineup in order, and the job presented now) as the room shows it.</summary>
public static class ShowcaseViews
{
    public static async Task<ShowcaseView> LoadAsync(LiveHireDbContext db, Guid sessionId, Guid? currentJobId, CancellationToken ct)
    {
        var jobs = await db.SessionJobs.AsNoTracking()
            .Where(l => l.SessionId == sessionId)
            .OrderBy(l => l.Position)
            .Select(l => l.Job!)
            .ToListAsync(ct);
        var lineup = jobs.Select(Card).ToList();
        return new ShowcaseView(sessionId, lineup.Find(j => j.Id == currentJobId), lineup);
    }

    public static JobCardView Card(Job job) => new(job.Id, job.Title, job.PayMin, job.PayMax, job.PayUnit.ToString(), job.Hours,
        job.Type.ToString(), job.Location.District, job.Location.Street, job.Location.Community,
        Enum.GetValues<Benefits>().Where(b => b != Benefits.None && job.Benefits.HasFlag(b)).Select(b => b.ToString()).ToList(),
        job.Headcount, job.VerifiedAt is not null);
}

/// <summary>Who may run the showcase: the recruiters of the session's employer (its hosts), nobody else.</summary>
internal static class ShowcaseHosts
{
    /// <summary>The session with its lineup, tracked for a change, when <paramref name="caller"/> hosts it.</summary>
    public static async Task<Result<LiveSession>> LoadForHostAsync(LiveHireDbContext db, ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        if (caller.UserId() is null)
            return new Error("auth.required", "Sign in as the session's host.");
        var session = await db.LiveSessions.Include(s => s.Lineup).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
            return Error.NotFound("Session");
        if (!caller.IsRecruiterOf(session.EmployerId))
            return Error.Forbidden("Only the recruiters of this session's employer run its showcase.");
        return session;
    }
}

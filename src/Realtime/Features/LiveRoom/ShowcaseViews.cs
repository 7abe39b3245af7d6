using LiveHire.Core.Data;
using LiveHire.Core.Domain;
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

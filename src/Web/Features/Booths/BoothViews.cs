using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>A booth as the API and pages show it.</summary>
public sealed record BoothView(Guid Id, Guid FairId, Guid EmployerId, string EmployerName, bool EmployerVerified, string Status,
    string? DeclineReason, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt)
{
    public static IQueryable<BoothView> Project(IQueryable<Booth> booths) => booths.Select(b => new BoothView(b.Id, b.FairId, b.EmployerId,
        b.Employer!.Name, b.Employer.VerifiedAt != null, b.Status.ToString(), b.DeclineReason, b.AppliedAt, b.DecidedAt));
}

/// <summary>
/// Saves a change that uses up room on a fair's timetable. The fair's <see cref="Fair.TimetableVersion"/> is a concurrency
/// token: when another request changed the same timetable between our reading and our saving, nothing of ours is saved,
/// and the decision is taken again on a fresh reading (ADR 0009).
/// </summary>
internal static class TimetableWrites
{
    private const int MaxAttempts = 10;

    public static async Task<Result<T>> DecideAndSaveAsync<T>(LiveHireDbContext db, Func<Task<Result<T>>> decide, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await decide();
            if (!result.IsSuccess)
            {
                db.ChangeTracker.Clear();
                return result;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        return Error.Conflict("timetable.busy", "The timetable is changing fast; try again.");
    }

    /// <summary>The fair's sessions that hold a place on its timetable.</summary>
    public static Task<List<LiveSession>> SessionsAsync(LiveHireDbContext db, Guid fairId, CancellationToken ct) =>
        db.LiveSessions.AsNoTracking().Where(s => s.FairId == fairId && s.Status != LiveSessionStatus.Cancelled).ToListAsync(ct);
}

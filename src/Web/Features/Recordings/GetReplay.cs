using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Recordings;

/// <summary>
/// A session's recording as the replay page and the video endpoint see it, or null when the caller may not know of
/// it: no recording, or one its host hid (anyone but a recruiter of the session's employer).
/// </summary>
public static class GetReplay
{
    public sealed record Query(Guid SessionId, ClaimsPrincipal Caller) : IQuery<Replay?>;

    public sealed record Replay(Guid SessionId, string Title, string EmployerName, RecordingState State, bool Hidden, TimeSpan? Duration,
        string? BlobKey, bool IsHost, bool Playable);

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, Replay?>
    {
        public async ValueTask<Replay?> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await db.Recordings.AsNoTracking()
                .Where(r => r.SessionId == query.SessionId)
                .Join(db.LiveSessions, r => r.SessionId, s => s.Id, (r, s) => new { Recording = r, s.Title, s.EmployerId, EmployerName = s.Employer!.Name })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null) return null;
            var (recording, isHost) = (row.Recording, query.Caller.IsRecruiterOf(row.EmployerId));
            if (!recording.IsVisibleTo(isHost)) return null; // hidden reads as absent: it does not even confirm a recording exists
            return new Replay(query.SessionId, row.Title, row.EmployerName, recording.State, recording.Hidden, recording.Duration, recording.BlobKey,
                isHost, recording.IsPlayableBy(isHost));
        }
    }
}

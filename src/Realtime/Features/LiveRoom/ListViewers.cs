using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>The host's "who is watching": names of the signed-in people present now, and how many watch anonymously.</summary>
public static class ListViewers
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller);

    /// <summary>A busy room lists this many names (candidates first); the counts are always complete.</summary>
    public const int MaxNames = 300;

    public sealed class Handler(LiveHireDbContext db, ILiveState state)
    {
        public async Task<HubResult<ViewersView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is null)
                return HubResult<ViewersView>.Failure("auth.required", "Sign in as the session's host.");
            var employerId = await db.LiveSessions.Where(s => s.Id == command.SessionId).Select(s => (Guid?)s.EmployerId).SingleOrDefaultAsync(cancellationToken);
            if (employerId is null)
                return HubResult<ViewersView>.Failure(Error.NotFound("Session"));
            // Who watches is the employer's business, not other staff's: a candidate's name is shown to the host only.
            if (!command.Caller.IsRecruiterOf(employerId.Value))
                return HubResult<ViewersView>.Failure(Error.Forbidden("Only the session's host sees who is watching."));

            var keys = await state.ListViewersAsync(command.SessionId, cancellationToken);
            var userIds = keys.Where(k => k.StartsWith("u:", StringComparison.Ordinal))
                .Select(k => Guid.TryParseExact(k[2..], "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
            var candidateRoleId = await db.Roles.Where(r => r.Name == Roles.Candidate).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
            var people = await db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id))
                .Select(u => new ViewerView(u.Id, u.DisplayName, db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == candidateRoleId)))
                .ToListAsync(cancellationToken);
            var listed = people.OrderByDescending(p => p.IsCandidate).ThenBy(p => p.Name, StringComparer.Ordinal).Take(MaxNames).ToList();
            return HubResult<ViewersView>.Success(new ViewersView(command.SessionId, listed, people.Count(p => p.IsCandidate),
                people.Count(p => !p.IsCandidate), keys.Count - userIds.Count));
        }
    }
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.Video;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>A connection enters a session's room: it joins the groups, counts in presence, and gets the snapshot.</summary>
public static class JoinRoom
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, string ViewerKey, string ConnectionId);

    public const int SnapshotQuestions = 50;

    public sealed class Handler(LiveHireDbContext db, ILiveState state, ILiveVideoState videoState, IHubContext<LiveHub, ILiveClient> hub,
        PresenceBroadcaster presenceBroadcaster)
    {
        public async Task<HubResult<RoomSnapshot>> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.LiveSessions.AsNoTracking()
                .Where(s => s.Id == command.SessionId)
                .Select(s => new { s.Id, s.Title, Employer = s.Employer!.Name, s.EmployerId, s.Status, s.ScheduledStart, s.ScheduledEnd, s.CurrentJobId })
                .SingleOrDefaultAsync(cancellationToken);
            if (session is null)
                return HubResult<RoomSnapshot>.Failure(Error.NotFound("Session"));

            var isHost = command.Caller.IsRecruiterOf(session.EmployerId);
            await hub.Groups.AddToGroupAsync(command.ConnectionId, LiveGroups.Session(session.Id), cancellationToken);
            if (isHost)
                await hub.Groups.AddToGroupAsync(command.ConnectionId, LiveGroups.Hosts(session.Id), cancellationToken);

            var presence = await state.JoinAsync(session.Id, command.ViewerKey, command.ConnectionId, cancellationToken);
            var presenceView = new PresenceView(session.Id, presence.Viewers, presence.Peak);
            if (presence.PersonChanged)
                presenceBroadcaster.Changed(session.Id, presence);

            var questions = await QuestionViews.TopAsync(db, state, session.Id, SnapshotQuestions, cancellationToken);
            IReadOnlyList<Guid> myVotes = command.Caller.UserId() is { } userId
                ? [.. await state.GetVotedQuestionsAsync(session.Id, userId, cancellationToken)]
                : [];
            var showcase = await ShowcaseViews.LoadAsync(db, session.Id, session.CurrentJobId, cancellationToken);
            var canAsk = command.Caller.IsInRole(Roles.Candidate) && session.Status is LiveSessionStatus.Scheduled or LiveSessionStatus.Live;
            var view = new SessionView(session.Id, session.Title, session.Employer, session.Status.ToString(), session.ScheduledStart, session.ScheduledEnd);
            var video = session.Status switch
            {
                LiveSessionStatus.Scheduled => VideoState.StartingSoon,
                LiveSessionStatus.Live => await videoState.GetStateAsync(session.Id, cancellationToken) ?? VideoState.StartingSoon,
                _ => VideoState.Ended,
            };
            return HubResult<RoomSnapshot>.Success(new RoomSnapshot(view, questions, presenceView, isHost, canAsk, myVotes, showcase,
                VideoStateReporter.View(session.Id, video)));
        }
    }
}

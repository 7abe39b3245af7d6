using System.Security.Claims;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.Video;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>A connection enters a session's room: it joins the groups, counts in presence, and gets the snapshot.</summary>
public static class JoinRoom
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, string ViewerKey, string ConnectionId);

    public const int SnapshotQuestions = 50;

    public sealed class Handler(RoomCache cache, ILiveState state, ILiveVideoState videoState, IHubContext<LiveHub, ILiveClient> hub,
        PresenceBroadcaster presenceBroadcaster)
    {
        public async Task<HubResult<RoomSnapshot>> Handle(Command command, CancellationToken cancellationToken)
        {
            // What is the same for every viewer comes from the node's cache (RoomCache.SnapshotLifetime); the rest is per call.
            var room = await cache.RoomFactsAsync(command.SessionId, cancellationToken);
            if (room is null)
                return HubResult<RoomSnapshot>.Failure(Error.NotFound("Session"));
            var session = room.Session;

            var isHost = command.Caller.IsRecruiterOf(session.EmployerId);
            await hub.Groups.AddToGroupAsync(command.ConnectionId, LiveGroups.Session(session.Id), cancellationToken);
            if (isHost)
                await hub.Groups.AddToGroupAsync(command.ConnectionId, LiveGroups.Hosts(session.Id), cancellationToken);

            var presence = await state.JoinAsync(session.Id, command.ViewerKey, command.ConnectionId, cancellationToken);
            var presenceView = new PresenceView(session.Id, presence.Viewers, presence.Peak);
            if (presence.PersonChanged)
                presenceBroadcaster.Changed(session.Id, presence);

            // Counts are read live, after joining the group: a vote batch sent before the join is then never missing from both.
            var questions = QuestionViews.Top(room.Questions, await state.GetVoteCountsAsync(session.Id, cancellationToken), SnapshotQuestions);
            IReadOnlyList<Guid> myVotes = command.Caller.UserId() is { } userId
                ? [.. await state.GetVotedQuestionsAsync(session.Id, userId, cancellationToken)]
                : [];
            var canAsk = command.Caller.IsInRole(Roles.Candidate) && session.Status is LiveSessionStatus.Scheduled or LiveSessionStatus.Live;
            var view = new SessionView(session.Id, session.Title, session.Employer, session.Status.ToString(), session.ScheduledStart, session.ScheduledEnd);
            var video = session.Status switch
            {
                LiveSessionStatus.Scheduled => VideoState.StartingSoon,
                LiveSessionStatus.Live => await videoState.GetStateAsync(session.Id, cancellationToken) ?? VideoState.StartingSoon,
                _ => VideoState.Ended,
            };
            return HubResult<RoomSnapshot>.Success(new RoomSnapshot(view, questions, presenceView, isHost, canAsk, myVotes, room.Showcase,
                VideoStateReporter.View(session.Id, video)));
        }
    }
}

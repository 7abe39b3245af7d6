using System.Security.Claims;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>A signed-in candidate toggles their one vote on a visible question; the room learns of it in the next batch.</summary>
public static class VoteQuestion
{
    public sealed record Command(Guid SessionId, Guid QuestionId, ClaimsPrincipal Caller);

    /// <summary>Generous for a person tapping, tight for a script: toggles per person per session.</summary>
    public const int VotesPerWindow = 20;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public sealed class Handler(RoomCache cache, ILiveState state, VoteBroadcaster broadcaster)
    {
        public async Task<HubResult<VoteView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is not { } userId)
                return HubResult<VoteView>.Failure("auth.required", "Sign in to vote.");
            if (!command.Caller.IsInRole(Roles.Candidate))
                return HubResult<VoteView>.Failure(Error.Forbidden("Only candidates vote."));

            // Votes come in storms: the session's status and ban list come from the node's cache (RoomCache.RulesLifetime;
            // a ban, hide or end on this node is seen by the very next vote), and a question is looked up once, when first voted on.
            var rules = await cache.RulesAsync(command.SessionId, cancellationToken);
            // Pending and hidden questions do not exist for viewers, so they are "not found" rather than a telling conflict.
            if (rules is null || !await cache.IsVisibleAsync(rules, command.QuestionId, cancellationToken))
                return HubResult<VoteView>.Failure(Error.NotFound("Question"));
            if (!rules.Open)
                return HubResult<VoteView>.Failure(Error.Conflict("session.closed", "This session is over."));
            if (rules.Banned.Contains(userId))
                return HubResult<VoteView>.Failure(Error.Forbidden("The host has banned you from this session's questions."));
            if (!await state.TryAcquireAsync($"vote:{command.SessionId:N}:{userId:N}", VotesPerWindow, Window, cancellationToken))
                return HubResult<VoteView>.Failure("rate_limited", $"At most {VotesPerWindow} votes every {Window.TotalSeconds:0} seconds.");

            var toggled = await state.ToggleVoteAsync(command.SessionId, command.QuestionId, userId, cancellationToken);
            broadcaster.Changed(command.SessionId, command.QuestionId);
            return HubResult<VoteView>.Success(new VoteView(command.QuestionId, toggled.Voted, toggled.Votes));
        }

    }
}

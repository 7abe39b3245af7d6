using System.Security.Claims;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// A signed-in candidate asks a question; it is stored, then sent to the room, or only to the hosts while the session
/// is pre-moderated (the asker gets it back as Pending).
/// </summary>
public static class AskQuestion
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller, string? Text);

    /// <summary>Default slow mode: a person may ask this many questions per window in one session.</summary>
    public const int QuestionsPerWindow = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public sealed class Handler(QuestionWriter writer, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache, TimeProvider clock)
    {
        public async Task<HubResult<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is not { } userId)
                return HubResult<QuestionView>.Failure("auth.required", "Sign in to ask a question.");
            if (!command.Caller.IsInRole(Roles.Candidate))
                return HubResult<QuestionView>.Failure(Error.Forbidden("Only candidates ask questions."));

            // Questions come in floods when a job is presented: the session's status, ban list, pre-moderation and slow mode
            // come from the node's cache, as for votes. A change made on this node is seen by the very next question, one made
            // on another node within RoomCache.RulesLifetime (docs/realtime.md, "Freshness").
            var rules = await cache.RulesAsync(command.SessionId, cancellationToken);
            if (rules is null)
                return HubResult<QuestionView>.Failure(Error.NotFound("Session"));

            var asked = Question.Ask(rules.Ask, userId, command.Text, clock.GetUtcNow());
            if (!asked.IsSuccess)
                return HubResult<QuestionView>.Failure(asked.Error!);
            if (rules.Banned.Contains(userId))
                return HubResult<QuestionView>.Failure(Error.Forbidden("The host has banned you from this session's questions."));

            var (limit, window) = SlowMode(rules.SlowModeSeconds);
            // The setting is part of the key, so a host changing slow mode starts everyone on a fresh window.
            if (!await state.TryAcquireAsync($"ask:{command.SessionId:N}:{userId:N}:{rules.SlowModeSeconds}", limit, window, cancellationToken))
                return HubResult<QuestionView>.Failure("rate_limited", $"Slow mode: at most {limit} question(s) every {window.TotalSeconds:0} seconds.");

            var question = asked.Value!;
            // Stored together with any questions asked meanwhile (QuestionWriter); the room hears of it only once it is stored.
            await writer.SaveAsync(question);
            // A new question changes what a join shows, not what a vote or a question checks (a new question is looked up
            // when first voted on).
            cache.ForgetSnapshot(command.SessionId);

            var view = QuestionViews.From(question, command.Caller.DisplayNameOf(), 0);
            var audience = question.Status == QuestionStatus.Pending ? LiveGroups.Hosts(command.SessionId) : LiveGroups.Session(command.SessionId);
            await hub.Clients.Group(audience).QuestionAsked(view);
            return HubResult<QuestionView>.Success(view);
        }
    }

    /// <summary>The host's slow mode (one question per N seconds) when set, else the default.</summary>
    public static (int Limit, TimeSpan Window) SlowMode(int slowModeSeconds) =>
        slowModeSeconds > 0 ? (1, TimeSpan.FromSeconds(slowModeSeconds)) : (QuestionsPerWindow, Window);
}

using System.Security.Claims;
using LiveHire.Core.Data;
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

    public sealed class Handler(LiveHireDbContext db, ILiveState state, IHubContext<LiveHub, ILiveClient> hub, RoomCache cache, TimeProvider clock)
    {
        public async Task<HubResult<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Caller.UserId() is not { } userId)
                return HubResult<QuestionView>.Failure("auth.required", "Sign in to ask a question.");
            if (!command.Caller.IsInRole(Roles.Candidate))
                return HubResult<QuestionView>.Failure(Error.Forbidden("Only candidates ask questions."));

            var session = await db.LiveSessions.FindAsync([command.SessionId], cancellationToken);
            if (session is null)
                return HubResult<QuestionView>.Failure(Error.NotFound("Session"));

            var asked = Question.Ask(session, userId, command.Text, clock.GetUtcNow());
            if (!asked.IsSuccess)
                return HubResult<QuestionView>.Failure(asked.Error!);
            // The ban list comes from the node's cache, as for votes: a ban made on this node is seen at once, one made
            // on another node within RoomCache.VoteFactsLifetime (docs/realtime.md, "Freshness").
            if (await cache.VoteFactsAsync(session.Id, cancellationToken) is { } facts && facts.Banned.Contains(userId))
                return HubResult<QuestionView>.Failure(Error.Forbidden("The host has banned you from this session's questions."));

            var (limit, window) = SlowMode(session);
            // The setting is part of the key, so a host changing slow mode starts everyone on a fresh window.
            if (!await state.TryAcquireAsync($"ask:{session.Id:N}:{userId:N}:{session.SlowModeSeconds}", limit, window, cancellationToken))
                return HubResult<QuestionView>.Failure("rate_limited", $"Slow mode: at most {limit} question(s) every {window.TotalSeconds:0} seconds.");

            var question = asked.Value!;
            db.Questions.Add(question);
            await db.SaveChangesAsync(cancellationToken);
            // A new question changes what a join shows, not what a vote checks (a new question is looked up when first voted on).
            cache.ForgetSnapshot(session.Id);

            var view = QuestionViews.From(question, command.Caller.DisplayNameOf(), 0);
            var audience = question.Status == QuestionStatus.Pending ? LiveGroups.Hosts(session.Id) : LiveGroups.Session(session.Id);
            await hub.Clients.Group(audience).QuestionAsked(view);
            return HubResult<QuestionView>.Success(view);
        }
    }

    /// <summary>The host's slow mode (one question per N seconds) when set, else the default.</summary>
    public static (int Limit, TimeSpan Window) SlowMode(LiveSession session) =>
        session.SlowModeSeconds > 0 ? (1, TimeSpan.FromSeconds(session.SlowModeSeconds)) : (QuestionsPerWindow, Window);
}

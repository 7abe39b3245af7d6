using LiveHire.Realtime.Features.LiveRoom;
using static LiveHire.Realtime.Features.LiveRoom.ModerateQuestion;

namespace LiveHire.Realtime.Hubs;

// Who may call each method is enforced by its use case and listed in docs/realtime.md ("Questions").
public sealed partial class LiveHub
{
    /// <summary>Signed-in candidates. Asks a question (plain text, at most 300 characters, slow mode applies).</summary>
    public Task<HubResult<QuestionView>> AskQuestion(Guid sessionId, string? text, AskQuestion.Handler askQuestion) =>
        askQuestion.Handle(new AskQuestion.Command(sessionId, Context.User!, text), Context.ConnectionAborted);

    /// <summary>Signed-in candidates. Adds or removes the caller's one vote on a visible question.</summary>
    public Task<HubResult<VoteView>> VoteQuestion(Guid sessionId, Guid questionId, VoteQuestion.Handler vote) =>
        vote.Handle(new VoteQuestion.Command(sessionId, questionId, Context.User!), Context.ConnectionAborted);

    /// <summary>Host. Answers in text (replacing an earlier answer) and marks the question answered.</summary>
    public Task<HubResult<QuestionView>> AnswerQuestion(Guid sessionId, Guid questionId, string? text, AnswerQuestion.Handler answer) =>
        answer.Handle(new AnswerQuestion.Command(sessionId, questionId, text, WithText: true, Context.User!), Context.ConnectionAborted);

    /// <summary>Host. Marks a question answered without text (answered out loud).</summary>
    public Task<HubResult<QuestionView>> MarkAnswered(Guid sessionId, Guid questionId, AnswerQuestion.Handler answer) =>
        answer.Handle(new AnswerQuestion.Command(sessionId, questionId, null, WithText: false, Context.User!), Context.ConnectionAborted);

    /// <summary>Host. Pins a visible question to the top.</summary>
    public Task<HubResult<QuestionView>> PinQuestion(Guid sessionId, Guid questionId, ModerateQuestion.Handler moderate) =>
        Moderate(moderate, sessionId, questionId, Change.Pin);

    /// <summary>Host.</summary>
    public Task<HubResult<QuestionView>> UnpinQuestion(Guid sessionId, Guid questionId, ModerateQuestion.Handler moderate) =>
        Moderate(moderate, sessionId, questionId, Change.Unpin);

    /// <summary>Host or admin. Lets a pending question through to viewers.</summary>
    public Task<HubResult<QuestionView>> ApproveQuestion(Guid sessionId, Guid questionId, ModerateQuestion.Handler moderate) =>
        Moderate(moderate, sessionId, questionId, Change.Approve);

    /// <summary>Host or admin. Removes a question from viewers (it can be restored).</summary>
    public Task<HubResult<QuestionView>> HideQuestion(Guid sessionId, Guid questionId, ModerateQuestion.Handler moderate) =>
        Moderate(moderate, sessionId, questionId, Change.Hide);

    /// <summary>Host or admin.</summary>
    public Task<HubResult<QuestionView>> RestoreQuestion(Guid sessionId, Guid questionId, ModerateQuestion.Handler moderate) =>
        Moderate(moderate, sessionId, questionId, Change.Restore);

    /// <summary>Host or admin. Settings, bans, pending and hidden questions; the studio calls it after every join.</summary>
    public Task<HubResult<ModerationQueueView>> GetModerationQueue(Guid sessionId, ModerationQueue.Handler queue) =>
        queue.Handle(new ModerationQueue.Query(sessionId, Context.User!), Context.ConnectionAborted);

    /// <summary>Host. Pre-moderation on or off; slow mode 0..600 seconds (0 = default 3 per 30 s).</summary>
    public Task<HubResult<ModerationView>> ConfigureModeration(Guid sessionId, bool preModeration, int slowModeSeconds,
        ConfigureModeration.Handler configure) =>
        configure.Handle(new ConfigureModeration.Command(sessionId, preModeration, slowModeSeconds, Context.User!), Context.ConnectionAborted);

    /// <summary>Host or admin. Bans the author of a question from this session; optionally hides all their questions.</summary>
    public Task<HubResult<ModerationView>> BanAuthor(Guid sessionId, Guid questionId, bool hideQuestions, BanViewer.Handler ban) =>
        ban.Handle(new BanViewer.BanCommand(sessionId, questionId, hideQuestions, Context.User!), Context.ConnectionAborted);

    /// <summary>Host or admin.</summary>
    public Task<HubResult<ModerationView>> UnbanViewer(Guid sessionId, Guid userId, BanViewer.Handler ban) =>
        ban.Handle(new BanViewer.UnbanCommand(sessionId, userId, Context.User!), Context.ConnectionAborted);

    private Task<HubResult<QuestionView>> Moderate(ModerateQuestion.Handler moderate, Guid sessionId, Guid questionId, Change action) =>
        moderate.Handle(new ModerateQuestion.Command(sessionId, questionId, action, Context.User!), Context.ConnectionAborted);
}

using LiveHire.Realtime.Features.LiveRoom;

namespace LiveHire.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>Signed-in candidates. Asks a question (plain text, at most 300 characters, slow mode applies).</summary>
    public Task<HubResult<QuestionView>> AskQuestion(Guid sessionId, string? text, AskQuestion.Handler askQuestion) =>
        askQuestion.Handle(new AskQuestion.Command(sessionId, Context.User!, text), Context.ConnectionAborted);
}

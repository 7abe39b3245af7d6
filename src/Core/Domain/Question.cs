namespace LiveHire.Core.Domain;

public enum QuestionStatus { Visible = 1, Hidden = 2 }

/// <summary>A viewer's question in a live session. Stored as plain text; never rendered as HTML.</summary>
public sealed class Question
{
    public const int TextMaxLength = 300;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AuthorId { get; private set; }
    public User? Author { get; private set; }
    public string Text { get; private set; } = "";
    public QuestionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    private Question() { }

    public static Result<Question> Ask(LiveSession session, Guid authorId, string? text, DateTimeOffset now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Error.Validation("question.empty", "A question cannot be empty.");
        if (trimmed.Length > TextMaxLength)
            return Error.Validation("question.too_long", $"A question is at most {TextMaxLength} characters.");
        if (!session.AcceptsQuestions)
            return Error.Conflict("session.closed", "This session no longer takes questions.");
        return new Question
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, AuthorId = authorId, Text = trimmed,
            Status = QuestionStatus.Visible, CreatedAt = now,
        };
    }
}

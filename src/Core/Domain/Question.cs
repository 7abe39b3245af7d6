namespace LiveHire.Core.Domain;

/// <summary>Visible to everyone; Pending waits for a moderator (pre-moderation); Hidden was removed by a moderator.</summary>
public enum QuestionStatus { Visible = 1, Hidden = 2, Pending = 3 }

/// <summary>What asking in a session depends on: whether it takes questions, and whether they wait for a moderator.</summary>
public readonly record struct AskRules(Guid SessionId, bool AcceptsQuestions, bool PreModeration);

/// <summary>A viewer's question in a live session. Stored as plain text; never rendered as HTML.</summary>
public sealed class Question
{
    public const int TextMaxLength = 300;
    public const int AnswerMaxLength = 1000;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AuthorId { get; private set; }
    public User? Author { get; private set; }
    public string Text { get; private set; } = "";
    public QuestionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PinnedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? AnsweredById { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    private Question() { }

    public static Result<Question> Ask(LiveSession session, Guid authorId, string? text, DateTimeOffset now) =>
        Ask(session.AskRules, authorId, text, now);

    /// <summary>Asks under <paramref name="rules"/>, the parts of the session a question depends on (read earlier, or cached).</summary>
    public static Result<Question> Ask(AskRules rules, Guid authorId, string? text, DateTimeOffset now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Error.Validation("question.empty", "A question cannot be empty.");
        if (trimmed.Length > TextMaxLength)
            return Error.Validation("question.too_long", $"A question is at most {TextMaxLength} characters.");
        if (!rules.AcceptsQuestions)
            return Error.Conflict("session.closed", "This session no longer takes questions.");
        return new Question
        {
            Id = Guid.CreateVersion7(now), SessionId = rules.SessionId, AuthorId = authorId, Text = trimmed,
            Status = rules.PreModeration ? QuestionStatus.Pending : QuestionStatus.Visible, CreatedAt = now,
        };
    }

    /// <summary>A moderator lets a pending question through.</summary>
    public Result Approve()
    {
        if (Status != QuestionStatus.Pending) return Error.Conflict("question.not_pending", "Only a pending question can be approved.");
        Status = QuestionStatus.Visible;
        return Result.Success();
    }

    /// <summary>A moderator hides a question (pending or visible); it can be restored.</summary>
    public Result Hide()
    {
        if (Status == QuestionStatus.Hidden) return Result.Success();
        Status = QuestionStatus.Hidden;
        PinnedAt = null;
        return Result.Success();
    }

    public Result Restore()
    {
        if (Status != QuestionStatus.Hidden) return Error.Conflict("question.not_hidden", "Only a hidden question can be restored.");
        Status = QuestionStatus.Visible;
        return Result.Success();
    }

    public Result Pin(DateTimeOffset now)
    {
        if (Status != QuestionStatus.Visible) return Error.Conflict("question.not_visible", "Only a visible question can be pinned.");
        PinnedAt ??= now;
        return Result.Success();
    }

    public void Unpin() => PinnedAt = null;

    /// <summary>Answers in text (replacing an earlier answer) and marks the question answered.</summary>
    public Result AnswerWith(string? answer, Guid answeredById, DateTimeOffset now)
    {
        var trimmed = answer?.Trim() ?? "";
        if (trimmed.Length == 0) return Error.Validation("answer.empty", "An answer cannot be empty.");
        if (trimmed.Length > AnswerMaxLength) return Error.Validation("answer.too_long", $"An answer is at most {AnswerMaxLength} characters.");
        if (Status == QuestionStatus.Hidden) return Error.Conflict("question.hidden", "A hidden question cannot be answered.");
        Answer = trimmed;
        return MarkAnswered(answeredById, now);
    }

    /// <summary>Marks the question answered (e.g. answered out loud on stream) without text.</summary>
    public Result MarkAnswered(Guid answeredById, DateTimeOffset now)
    {
        if (Status == QuestionStatus.Hidden) return Error.Conflict("question.hidden", "A hidden question cannot be answered.");
        if (Status == QuestionStatus.Pending) Status = QuestionStatus.Visible;
        AnsweredAt ??= now;
        AnsweredById = answeredById;
        return Result.Success();
    }
}

namespace LiveHire.Core.Domain;

/// <summary>A recruiter's private note on an application (never shown to the candidate).</summary>
public sealed class ApplicationNote
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private ApplicationNote() { }

    public static Result<ApplicationNote> Write(Guid applicationId, Guid authorId, string authorName, string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length is 0 or > TextMaxLength) return Error.Validation("note.text", $"A note is 1 to {TextMaxLength} characters.");
        return new ApplicationNote
        {
            Id = Guid.CreateVersion7(now), ApplicationId = applicationId, AuthorId = authorId, AuthorName = authorName, Text = text, CreatedAt = now,
        };
    }
}

namespace LiveHire.Core.Domain;

public enum NotificationKind { FairCancelled = 1, FairMoved = 2, Reminder = 3, BoothApproved = 4, BoothDeclined = 5, GoLive = 6, MorningDigest = 7 }

/// <summary>One message in a person's notification centre (the bell). Unread until they open it.</summary>
public sealed class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 1000;

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification() { }

    /// <param name="id">Given when the notification stands for another fact (a reminder's id), so it can exist only once.</param>
    public static Notification Create(Guid userId, NotificationKind kind, string title, string body, string? link, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now), UserId = userId, Kind = kind, Title = Clip(title, TitleMaxLength), Body = Clip(body, BodyMaxLength),
        Link = link, CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

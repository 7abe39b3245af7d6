namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    /// <summary>A new question: visible ones to the whole room, pending ones (pre-moderation) to the hosts only.</summary>
    Task QuestionAsked(QuestionView question);

    /// <summary>A question changed (answered, pinned, approved, restored; to hosts also hidden): replace it by id, or add it.</summary>
    Task QuestionUpdated(QuestionView question);

    /// <summary>To viewers: a question is no longer visible (hidden by a moderator). Hosts get a QuestionUpdated instead.</summary>
    Task QuestionRemoved(QuestionRemovedView removed);

    /// <summary>Batched vote counts of the questions whose votes changed since the last batch (a few per second at most).</summary>
    Task VotesChanged(VotesView votes);

    /// <summary>To hosts: the session's moderation settings or bans changed.</summary>
    Task ModerationChanged(ModerationView moderation);
}

/// <summary>A question as the room shows it. Viewers only ever get Visible ones; hosts also Pending and Hidden.</summary>
/// <param name="Status">"Visible", "Pending" (waiting for a moderator) or "Hidden".</param>
/// <param name="PinnedAt">When the host pinned it (pinned questions are shown first), or null.</param>
/// <param name="Answered">True once the host answered it, in text (<paramref name="Answer"/>) or out loud.</param>
public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer,
    string Status, DateTimeOffset? PinnedAt, bool Answered);

public sealed record QuestionRemovedView(Guid SessionId, Guid QuestionId);

/// <summary>Current counts of the questions in <paramref name="Votes"/> (keyed by question id); others did not change.</summary>
public sealed record VotesView(Guid SessionId, IReadOnlyDictionary<Guid, long> Votes);

/// <summary>The caller's vote after a toggle, returned at once (others learn of it from the next VotesChanged batch).</summary>
public sealed record VoteView(Guid QuestionId, bool Voted, long Votes);

public sealed record BannedPersonView(Guid UserId, string Name, DateTimeOffset BannedAt);

/// <summary>A session's moderation settings and bans, for its hosts.</summary>
/// <param name="SlowModeSeconds">One question per this many seconds per person; 0 means the default (3 per 30 s).</param>
public sealed record ModerationView(Guid SessionId, bool PreModeration, int SlowModeSeconds, IReadOnlyList<BannedPersonView> Banned);

/// <summary>What a host's studio needs beyond the room snapshot: settings, bans, and the questions viewers do not see.</summary>
public sealed record ModerationQueueView(ModerationView Moderation, IReadOnlyList<QuestionView> Pending, IReadOnlyList<QuestionView> Hidden);

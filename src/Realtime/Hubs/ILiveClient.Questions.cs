namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    Task QuestionAsked(QuestionView question);
}

public sealed record QuestionView(Guid Id, Guid SessionId, string AuthorName, string Text, DateTimeOffset CreatedAt, long Votes, string? Answer);

namespace LiveHire.Realtime.Hubs;

public partial interface ILiveClient
{
    Task QuestionAsked(QuestionView question);
}

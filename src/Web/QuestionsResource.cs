namespace LiveHire.Web;

/// <summary>Marker for the live room's Q&amp;A strings in Resources/QuestionsResource.{culture}.resx.</summary>
public sealed class QuestionsResource;

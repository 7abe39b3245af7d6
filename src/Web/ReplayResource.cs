namespace LiveHire.Web;

/// <summary>Marker for the replay page's strings in Resources/ReplayResource.{culture}.resx.</summary>
public sealed class ReplayResource;

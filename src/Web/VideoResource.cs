namespace LiveHire.Web;

/// <summary>Marker for the live video strings (studio broadcast, room player) in Resources/VideoResource.{culture}.resx.</summary>
public sealed class VideoResource;

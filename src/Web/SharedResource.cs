namespace LiveHire.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.{culture}.resx.</summary>
public sealed class SharedResource;

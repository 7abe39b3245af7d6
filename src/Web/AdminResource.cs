namespace LiveHire.Web;

/// <summary>Marker for the admin pages' strings in Resources/AdminResource.{culture}.resx.</summary>
public sealed class AdminResource;

namespace LiveHire.Web;

/// <summary>Marker for the fairs, schedule and notification-centre strings in Resources/FairsResource.{culture}.resx.</summary>
public sealed class FairsResource;

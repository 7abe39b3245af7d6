namespace LiveHire.Web;

/// <summary>Marker for the 家门口 search, my-applications and hiring-board strings in Resources/HiringResource.{culture}.resx.</summary>
public sealed class HiringResource;

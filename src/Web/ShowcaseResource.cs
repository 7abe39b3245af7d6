namespace LiveHire.Web;

/// <summary>Marker for the job showcase and apply strings in Resources/ShowcaseResource.{culture}.resx.</summary>
public sealed class ShowcaseResource;

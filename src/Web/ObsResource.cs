namespace LiveHire.Web;

/// <summary>Marker for the studio's OBS (RTMP) panel strings in Resources/ObsResource.{culture}.resx.</summary>
public sealed class ObsResource;

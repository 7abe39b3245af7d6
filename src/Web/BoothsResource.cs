namespace LiveHire.Web;

/// <summary>Marker for the booth review, slot booking and timetable strings in Resources/BoothsResource.{culture}.resx.</summary>
public sealed class BoothsResource;

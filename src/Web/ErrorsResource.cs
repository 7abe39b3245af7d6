namespace LiveHire.Web;

/// <summary>
/// Marker for the words of expected errors shown on pages, in Resources/ErrorsResource.{culture}.resx, keyed by the error's
/// code (e.g. <c>validation.profile.name</c>). The API keeps the code and the English message in its ProblemDetails.
/// </summary>
public sealed class ErrorsResource;

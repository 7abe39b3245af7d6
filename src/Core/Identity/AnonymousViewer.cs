namespace LiveHire.Core.Identity;

/// <summary>
/// A random id in a cookie, so that one anonymous person with two tabs counts as one viewer.
/// Set by Web, read by the live-room hub.
/// </summary>
public static class AnonymousViewer
{
    public const string CookieName = "lh_vid";
}

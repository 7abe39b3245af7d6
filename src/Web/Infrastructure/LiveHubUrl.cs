using LiveHire.Core.Options;

namespace LiveHire.Web.Infrastructure;

/// <summary>
/// Where the browser finds the live-room hub. Web does not reference hub types (architecture rule), so the path is
/// part of the documented protocol (docs/realtime.md) and an architecture test checks it equals LiveHub.Path.
/// </summary>
public static class LiveHubUrl
{
    public const string Path = "/hubs/live";

    public static string For(LiveHireOptions options) =>
        string.IsNullOrEmpty(options.RealtimePublicUrl) ? Path : options.RealtimePublicUrl.TrimEnd('/') + Path;
}

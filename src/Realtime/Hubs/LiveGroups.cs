namespace LiveHire.Realtime.Hubs;

/// <summary>The one place SignalR group names are built.</summary>
public static class LiveGroups
{
    /// <summary>Everyone in the room: viewers and hosts.</summary>
    public static string Session(Guid sessionId) => $"session:{sessionId:N}";

    /// <summary>The session's host and the employer's recruiters, for events viewers must not see.</summary>
    public static string Hosts(Guid sessionId) => $"session:{sessionId:N}:hosts";
}

using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;
using LiveHire.Realtime.Hubs;

namespace LiveHire.Realtime.Features.Video;

/// <summary>The host opens the session: viewers see "starting soon" until the first segment arrives.</summary>
public static class GoLive
{
    public sealed record Command(Guid SessionId, ClaimsPrincipal Caller);

    public sealed class Handler(LiveHireDbContext db, RoomCache cache, ILiveVideoState videoState, VideoStateReporter reporter, TimeProvider clock)
    {
        public async Task<HubResult<VideoStateView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var changed = await HostSessionChange.ApplyAsync(db, cache, command.Caller, command.SessionId, s => s.GoLive(clock.GetUtcNow()), cancellationToken);
            if (changed is not null) return HubResult<VideoStateView>.Failure(changed);

            // Going live twice (a reloaded studio) keeps a picture that is already flowing.
            var current = await videoState.GetStateAsync(command.SessionId, cancellationToken);
            if (current is VideoState.Live or VideoState.Reconnecting)
                return HubResult<VideoStateView>.Success(VideoStateReporter.View(command.SessionId, current.Value));
            return HubResult<VideoStateView>.Success(await reporter.ReportAsync(command.SessionId, VideoState.StartingSoon, cancellationToken));
        }
    }
}

/// <summary>A host changes the session's status through its invariants (<see cref="LiveSession.GoLive"/>, <see cref="LiveSession.End"/>).</summary>
internal static class HostSessionChange
{
    /// <summary>Null when changed and saved; otherwise why not.</summary>
    public static async Task<Error?> ApplyAsync(LiveHireDbContext db, RoomCache cache, ClaimsPrincipal caller, Guid sessionId, Func<LiveSession, Result> change,
        CancellationToken ct)
    {
        var loaded = await ShowcaseHosts.LoadForHostAsync(db, caller, sessionId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var changed = change(loaded.Value!);
        if (!changed.IsSuccess) return changed.Error;
        await db.SaveChangesAsync(ct);
        cache.Forget(sessionId);
        return null;
    }
}

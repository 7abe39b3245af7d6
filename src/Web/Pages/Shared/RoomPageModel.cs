using LiveHire.Web.Features.Recordings;
using LiveHire.Core.Options;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Shared;

/// <summary>What the viewer's room and the host's studio share: the session and where its hub is.</summary>
public abstract class RoomPageModel(IMediator mediator, IOptions<LiveHireOptions> options) : PageModel
{
    public SessionSummary Session { get; private set; } = null!;
    public string HubUrl { get; private set; } = "";

    /// <summary>The session's recording as this caller may see it (null when there is none), for the replay line.</summary>
    public GetReplay.Replay? Replay { get; private set; }

    /// <summary>Loads the session; false when there is none.</summary>
    protected async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        if (await mediator.Send(new GetSession.Query(sessionId), ct) is not { } session) return false;
        Session = session;
        HubUrl = LiveHubUrl.For(options.Value);
        Replay = await mediator.Send(new GetReplay.Query(sessionId, User), ct);
        return true;
    }
}

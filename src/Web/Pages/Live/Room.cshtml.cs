using LiveHire.Core.Options;
using LiveHire.Web.Features.Recordings;
using LiveHire.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Pages.Live;

/// <summary>The viewer's live room. Anyone may watch; the page itself is static and the script talks to the hub.</summary>
public sealed class RoomModel(IMediator mediator, IOptions<LiveHireOptions> options) : RoomPageModel(mediator, options)
{
    private readonly IMediator replays = mediator;

    /// <summary>The session's recording when this viewer may play it, for the link to the replay.</summary>
    public GetReplay.Replay? Replay { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        Replay = await replays.Send(new GetReplay.Query(sessionId, User), ct);
        return Page();
    }
}

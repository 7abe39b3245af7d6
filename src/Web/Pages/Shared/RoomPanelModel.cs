using LiveHire.Web.Features.Sessions;

namespace LiveHire.Web.Pages.Shared;

/// <summary>What the live-room panels (questions, showcase) need to render for a viewer or a host.</summary>
public sealed record RoomPanelModel(SessionSummary Session, bool IsHost);

namespace LiveHire.Realtime.Hubs;

public sealed partial class LiveHub
{
}

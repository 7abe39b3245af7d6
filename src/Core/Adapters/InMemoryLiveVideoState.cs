using System.Collections.Concurrent;
using LiveHire.Core.Ports;

namespace LiveHire.Core.Adapters;

/// <summary>Live video state in one process (Embedded mode): there is one node, so the lease only guards restarts.</summary>
internal sealed class InMemoryLiveVideoState(TimeProvider clock) : ILiveVideoState
{
    private readonly ConcurrentDictionary<Guid, VideoState> states = new();
    private readonly Dictionary<Guid, (string Node, DateTimeOffset Until)> leases = [];

    public Task SetStateAsync(Guid sessionId, VideoState state, CancellationToken cancellationToken = default)
    {
        states[sessionId] = state;
        return Task.CompletedTask;
    }

    public Task<VideoState?> GetStateAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(states.TryGetValue(sessionId, out var state) ? state : (VideoState?)null);

    public Task<bool> TryHoldIngestAsync(Guid sessionId, string node, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        lock (leases)
        {
            if (leases.TryGetValue(sessionId, out var held) && held.Node != node && held.Until > now) return Task.FromResult(false);
            leases[sessionId] = (node, now + lease);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseIngestAsync(Guid sessionId, string node, CancellationToken cancellationToken = default)
    {
        lock (leases)
        {
            if (leases.TryGetValue(sessionId, out var held) && held.Node == node) leases.Remove(sessionId);
        }
        return Task.CompletedTask;
    }
}

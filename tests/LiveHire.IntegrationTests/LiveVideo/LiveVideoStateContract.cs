using LiveHire.Core.Ports;

namespace LiveHire.IntegrationTests.LiveVideo;

/// <summary>What every <see cref="ILiveVideoState"/> must do; each adapter's test class derives from this.</summary>
public abstract class LiveVideoStateContract(ILiveVideoState state)
{
    protected ILiveVideoState State { get; } = state;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A lease short enough to wait out in a test.</summary>
    protected abstract TimeSpan ShortLease { get; }

    /// <summary>Lets <paramref name="duration"/> pass for the store: real time, or a fake clock moved on.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    private readonly Guid _session = Guid.NewGuid();

    [Fact]
    public async Task Video_state_is_what_was_last_set_and_none_before()
    {
        (await State.GetStateAsync(_session, Ct)).ShouldBeNull();

        await State.SetStateAsync(_session, VideoState.Live, Ct);
        await State.SetStateAsync(_session, VideoState.Reconnecting, Ct);

        (await State.GetStateAsync(_session, Ct)).ShouldBe(VideoState.Reconnecting);
        (await State.GetStateAsync(Guid.NewGuid(), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Second_node_is_refused_while_the_first_holds_the_ingest_lease()
    {
        (await State.TryHoldIngestAsync(_session, "node-a", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();

        (await State.TryHoldIngestAsync(_session, "node-b", TimeSpan.FromMinutes(1), Ct)).ShouldBeFalse();
        (await State.TryHoldIngestAsync(_session, "node-a", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue("the holder renews");
        (await State.TryHoldIngestAsync(Guid.NewGuid(), "node-b", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue("leases are per session");
    }

    [Fact]
    public async Task Lease_of_a_node_that_stopped_renewing_expires()
    {
        (await State.TryHoldIngestAsync(_session, "node-a", ShortLease, Ct)).ShouldBeTrue();

        await LetTimePassAsync(ShortLease + TimeSpan.FromMilliseconds(200));

        (await State.TryHoldIngestAsync(_session, "node-b", ShortLease, Ct)).ShouldBeTrue();
        (await State.TryHoldIngestAsync(_session, "node-a", ShortLease, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_the_holder_can_release_the_lease()
    {
        await State.TryHoldIngestAsync(_session, "node-a", TimeSpan.FromMinutes(1), Ct);

        await State.ReleaseIngestAsync(_session, "node-b", Ct);
        (await State.TryHoldIngestAsync(_session, "node-b", TimeSpan.FromMinutes(1), Ct)).ShouldBeFalse();

        await State.ReleaseIngestAsync(_session, "node-a", Ct);
        (await State.TryHoldIngestAsync(_session, "node-b", TimeSpan.FromMinutes(1), Ct)).ShouldBeTrue();
    }
}

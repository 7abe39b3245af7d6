using LiveHire.Core.Adapters;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.LiveVideo;

public sealed class InMemoryLiveVideoStateTests : LiveVideoStateContract
{
    private readonly FakeTimeProvider _clock;

    public InMemoryLiveVideoStateTests() : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)))) { }

    private InMemoryLiveVideoStateTests(FakeTimeProvider clock) : base(new InMemoryLiveVideoState(clock)) => _clock = clock;

    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(15);

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        _clock.Advance(duration);
        return Task.CompletedTask;
    }
}

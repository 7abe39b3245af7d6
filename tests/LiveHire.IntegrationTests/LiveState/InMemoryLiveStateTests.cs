using LiveHire.Core.Adapters;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.LiveState;

public sealed class InMemoryLiveStateTests : LiveStateContract
{
    private readonly FakeTimeProvider _clock;

    public InMemoryLiveStateTests() : this(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)))) { }

    private InMemoryLiveStateTests(FakeTimeProvider clock) : base(new InMemoryLiveState(clock)) => _clock = clock;

    protected override TimeSpan ShortWindow => TimeSpan.FromSeconds(10);

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        _clock.Advance(duration);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Limiter_still_refuses_just_before_the_window_ends()
    {
        var key = $"ask:{Guid.NewGuid():N}";
        (await State.TryAcquireAsync(key, limit: 1, TimeSpan.FromSeconds(10), Ct)).ShouldBeTrue();

        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        (await State.TryAcquireAsync(key, limit: 1, TimeSpan.FromSeconds(10), Ct)).ShouldBeFalse();

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await State.TryAcquireAsync(key, limit: 1, TimeSpan.FromSeconds(10), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Session_nobody_watches_is_forgotten_after_a_day_idle()
    {
        Guid ended = Guid.NewGuid(), live = Guid.NewGuid(), question = Guid.NewGuid();
        await State.JoinAsync(ended, "u:ann", "c1", Ct);
        await State.JoinAsync(ended, "u:dan", "c4", Ct);
        await State.ToggleVoteAsync(ended, question, Guid.NewGuid(), Ct);
        await State.LeaveAsync(ended, "u:ann", "c1", Ct);
        await State.LeaveAsync(ended, "u:dan", "c4", Ct);
        await State.JoinAsync(live, "u:bob", "c2", Ct);
        await State.ToggleVoteAsync(live, question, Guid.NewGuid(), Ct);

        _clock.Advance(InMemoryLiveState.IdleLifetime + TimeSpan.FromMinutes(2));
        await State.TryAcquireAsync("any", 1, TimeSpan.FromSeconds(1), Ct); // any call lets the sweep run

        (await State.GetVoteCountsAsync(ended, Ct)).ShouldBeEmpty();
        (await State.JoinAsync(ended, "u:cai", "c3", Ct)).Peak.ShouldBe(1, "a forgotten session starts afresh");
        (await State.CountViewersAsync(live, Ct)).ShouldBe(1);
        (await State.GetVoteCountsAsync(live, Ct))[question].ShouldBe(1);
    }

    [Fact]
    public async Task Session_is_kept_while_it_changes_within_a_day()
    {
        var session = Guid.NewGuid();
        await State.JoinAsync(session, "u:ann", "c1", Ct);
        await State.JoinAsync(session, "u:dan", "c4", Ct);
        await State.LeaveAsync(session, "u:ann", "c1", Ct);
        await State.LeaveAsync(session, "u:dan", "c4", Ct);

        _clock.Advance(TimeSpan.FromHours(23));
        await State.TryAcquireAsync("any", 1, TimeSpan.FromSeconds(1), Ct); // any call lets the sweep run

        (await State.JoinAsync(session, "u:bob", "c2", Ct)).ShouldBe(new(Viewers: 1, Peak: 2, PersonChanged: true));
    }
}

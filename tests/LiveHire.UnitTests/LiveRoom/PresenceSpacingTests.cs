using System.Collections.Concurrent;
using System.Reflection;
using LiveHire.Core.Adapters;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.UnitTests.LiveRoom;

/// <summary>
/// The presence loop with real live state and a fake clock: a big room's count is held back for its spacing, not lost,
/// and keeps the highest peak seen meanwhile. The hub context only records what the room would have received.
/// </summary>
public sealed class PresenceSpacingTests
{
    private readonly LoopClock clock;
    private readonly InMemoryLiveState state;
    private readonly RecordingRoom room = new();
    private readonly Guid session = Guid.NewGuid();
    private int joined;

    public PresenceSpacingTests()
    {
        clock = new(DateTimeOffset.Parse("2026-12-03T06:00:00Z"));
        state = new(clock);
    }

    [Fact]
    public async Task A_room_of_5000_gets_its_next_count_after_2_5_seconds_with_the_peak_seen_meanwhile()
    {
        await JoinAsync(5_000);
        using var presence = await StartAsync();

        presence.Changed(session, new PresenceChange(5_000, 5_000, PersonChanged: true));
        (await room.NextAsync()).Viewers.ShouldBe(5_000);

        // More arrive within the spacing (2.5 s for 5,000): each loop pass holds the count back.
        await JoinAsync(1);
        presence.Changed(session, new PresenceChange(5_001, 5_200, PersonChanged: true));
        await clock.LoopSleepsAsync();
        for (var pass = 0; pass < 2; pass++)
        {
            clock.Advance(PresenceBroadcaster.Interval);
            await clock.LoopSleepsAsync(); // that pass is over: it held the count back
            room.Sent.ShouldBe(1);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await room.NextAsync();
        later.Viewers.ShouldBe(5_001);
        later.Peak.ShouldBe(5_200);
        await presence.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_small_room_gets_a_count_every_second()
    {
        await JoinAsync(1);
        using var presence = await StartAsync();

        presence.Changed(session, new PresenceChange(1, 1, PersonChanged: true));
        (await room.NextAsync()).Viewers.ShouldBe(1);
        await JoinAsync(1);
        presence.Changed(session, new PresenceChange(2, 2, PersonChanged: true));
        await clock.LoopSleepsAsync();
        clock.Advance(PresenceBroadcaster.Interval);
        (await room.NextAsync()).Viewers.ShouldBe(2);
        await presence.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary><paramref name="people"/> more anonymous viewers in the session's live state.</summary>
    private async Task JoinAsync(int people)
    {
        for (var i = 0; i < people; i++, joined++)
            await state.JoinAsync(session, $"a:{joined}", $"c{joined}", TestContext.Current.CancellationToken);
    }

    private async Task<PresenceBroadcaster> StartAsync()
    {
        var presence = new PresenceBroadcaster(state, room, clock, NullLogger<PresenceBroadcaster>.Instance);
        await presence.StartAsync(TestContext.Current.CancellationToken);
        return presence;
    }

    /// <summary>
    /// A fake clock that tells when the broadcast loop has gone to sleep (each pass ends in a delay on this clock).
    /// Advancing before the loop sleeps is lost: its delay starts after the advance and waits for another (CI saw it).
    /// </summary>
    private sealed class LoopClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly SemaphoreSlim sleeps = new(0);
        private int waited;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            sleeps.Release();
            return timer;
        }

        /// <summary>Waits for the loop's next sleep (a pass is over once it sleeps).</summary>
        public async Task LoopSleepsAsync()
        {
            (await sleeps.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).ShouldBeTrue($"the loop did not sleep after pass {++waited}");
        }
    }

    /// <summary>Records the <c>PresenceChanged</c> messages sent to any group.</summary>
    private sealed class RecordingRoom : IHubContext<LiveHub, ILiveClient>
    {
        private readonly ConcurrentQueue<PresenceView> sent = new();
        private readonly SemaphoreSlim arrived = new(0);
        private int taken;

        public int Sent => sent.Count;

        public async Task<PresenceView> NextAsync()
        {
            (await arrived.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).ShouldBeTrue("no PresenceChanged was sent");
            return sent.ElementAt(taken++);
        }

        public IHubClients<ILiveClient> Clients => new Audience(this);
        public IGroupManager Groups => throw new NotSupportedException();

        private void Record(object? message)
        {
            if (message is not PresenceView view) return;
            sent.Enqueue(view);
            arrived.Release();
        }

        private sealed class Audience(RecordingRoom room) : IHubClients<ILiveClient>
        {
            public ILiveClient All => Client();
            public ILiveClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => Client();
            public ILiveClient Client(string connectionId) => Client();
            public ILiveClient Clients(IReadOnlyList<string> connectionIds) => Client();
            public ILiveClient Group(string groupName) => Client();
            public ILiveClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Client();
            public ILiveClient Groups(IReadOnlyList<string> groupNames) => Client();
            public ILiveClient User(string userId) => Client();
            public ILiveClient Users(IReadOnlyList<string> userIds) => Client();

            private ILiveClient Client()
            {
                var client = DispatchProxy.Create<ILiveClient, Recorder>();
                ((Recorder)(object)client).Record = room.Record;
                return client;
            }
        }
    }

    public class Recorder : DispatchProxy
    {
        public Action<object?> Record { get; set; } = _ => { };

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Record(args is { Length: 1 } ? args[0] : null);
            return Task.CompletedTask;
        }
    }
}

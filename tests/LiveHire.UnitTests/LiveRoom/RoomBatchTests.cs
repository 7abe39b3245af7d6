using LiveHire.Core.Ports;
using LiveHire.Realtime.Features.LiveRoom;

namespace LiveHire.UnitTests.LiveRoom;

public sealed class RoomBatchTests
{
    private static void Vote(RoomBatch<HashSet<Guid>> batch, Guid session, Guid question) =>
        batch.Update(session, questions => { questions ??= []; questions.Add(question); return questions; });

    [Fact]
    public void Many_votes_on_one_question_make_one_entry()
    {
        var batch = new RoomBatch<HashSet<Guid>>();
        var session = Guid.NewGuid();
        var question = Guid.NewGuid();

        for (var i = 0; i < 1000; i++) Vote(batch, session, question);

        batch.TakeAll().ShouldHaveSingleItem().Value.ShouldBe([question]);
    }

    [Fact]
    public void Changes_are_grouped_by_session()
    {
        var batch = new RoomBatch<HashSet<Guid>>();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), q1 = Guid.NewGuid(), q2 = Guid.NewGuid(), q3 = Guid.NewGuid();

        Vote(batch, a, q1);
        Vote(batch, b, q3);
        Vote(batch, a, q2);

        var taken = batch.TakeAll();
        taken[a].ShouldBe([q1, q2], ignoreOrder: true);
        taken[b].ShouldBe([q3]);
    }

    [Fact]
    public void Taking_empties_the_batch_so_nothing_is_sent_twice()
    {
        var batch = new RoomBatch<HashSet<Guid>>();
        Vote(batch, Guid.NewGuid(), Guid.NewGuid());

        batch.TakeAll();

        batch.TakeAll().ShouldBeEmpty();
    }

    [Fact]
    public void A_thousand_arrivals_in_one_room_leave_one_pending_presence_with_the_highest_peak()
    {
        var batch = new RoomBatch<PresenceBroadcaster.Pending>();
        var session = Guid.NewGuid();

        for (var viewers = 1; viewers <= 1000; viewers++)
        {
            var change = new PresenceChange(viewers, viewers, PersonChanged: true);
            batch.Update(session, earlier => PresenceBroadcaster.Merge(earlier, change));
        }
        var laterLeave = new PresenceChange(10, 10, PersonChanged: true); // a node that saw fewer: the peak stays
        batch.Update(session, earlier => PresenceBroadcaster.Merge(earlier, laterLeave));

        var pending = batch.TakeAll().ShouldHaveSingleItem().Value;
        pending.Peak.ShouldBe(1000);
        pending.Viewers.ShouldBe(10); // the latest count sets the spacing
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2_000, 1.0)]
    [InlineData(5_000, 2.5)]
    [InlineData(19_000, 9.5)]
    public void A_big_room_gets_presence_less_often_so_each_node_sends_about_2000_a_second(long viewers, double seconds)
    {
        PresenceBroadcaster.SpacingFor(viewers).ShouldBe(TimeSpan.FromSeconds(seconds));
        // Messages a second that one count costs a node: never more than a room of 2,000 once a second.
        (viewers / PresenceBroadcaster.SpacingFor(viewers).TotalSeconds).ShouldBeLessThanOrEqualTo(PresenceBroadcaster.ViewersPerSecond);
    }

    [Fact]
    public void A_huge_room_still_gets_a_count_every_10_seconds() =>
        PresenceBroadcaster.SpacingFor(100_000).ShouldBe(PresenceBroadcaster.LongestSpacing);
}

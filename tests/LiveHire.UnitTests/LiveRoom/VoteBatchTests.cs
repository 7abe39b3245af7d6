using LiveHire.Realtime.Features.LiveRoom;

namespace LiveHire.UnitTests.LiveRoom;

public sealed class VoteBatchTests
{
    [Fact]
    public void Many_votes_on_one_question_make_one_entry()
    {
        var batch = new VoteBatch();
        var session = Guid.NewGuid();
        var question = Guid.NewGuid();

        for (var i = 0; i < 1000; i++) batch.Add(session, question);

        batch.TakeAll().ShouldHaveSingleItem().Value.ShouldBe([question]);
    }

    [Fact]
    public void Changes_are_grouped_by_session()
    {
        var batch = new VoteBatch();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), q1 = Guid.NewGuid(), q2 = Guid.NewGuid(), q3 = Guid.NewGuid();

        batch.Add(a, q1);
        batch.Add(b, q3);
        batch.Add(a, q2);

        var taken = batch.TakeAll();
        taken[a].ShouldBe([q1, q2], ignoreOrder: true);
        taken[b].ShouldBe([q3]);
    }

    [Fact]
    public void Taking_empties_the_batch_so_nothing_is_sent_twice()
    {
        var batch = new VoteBatch();
        batch.Add(Guid.NewGuid(), Guid.NewGuid());

        batch.TakeAll();

        batch.TakeAll().ShouldBeEmpty();
    }
}

using LiveHire.Realtime.Features.LiveRoom;
using LiveHire.Realtime.Hubs;

namespace LiveHire.UnitTests.LiveRoom;

public sealed class QuestionRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static QuestionView Q(string text, long votes, int minute, int? pinnedMinute = null) =>
        new(Guid.NewGuid(), Guid.Empty, "陈小红", text, T0.AddMinutes(minute), votes, null, "Visible",
            pinnedMinute is { } p ? T0.AddMinutes(p) : null, false);

    [Fact]
    public void By_votes_puts_pinned_first_then_most_votes_then_newest()
    {
        var old = Q("old, many votes", 9, 1);
        var tieOlder = Q("tie, older", 3, 2);
        var tieNewer = Q("tie, newer", 3, 5);
        var pinned = Q("pinned, no votes", 0, 0, pinnedMinute: 10);

        QuestionRanking.ByVotes([tieOlder, old, pinned, tieNewer]).ShouldBe([pinned, old, tieNewer, tieOlder]);
    }

    [Fact]
    public void Newest_ignores_votes_but_still_puts_pinned_first()
    {
        var popular = Q("popular", 50, 1);
        var recent = Q("recent", 0, 9);
        var pinned = Q("pinned", 0, 0, pinnedMinute: 3);

        QuestionRanking.Newest([popular, recent, pinned]).ShouldBe([pinned, recent, popular]);
    }

    [Fact]
    public void The_latest_pin_is_on_top_of_earlier_pins()
    {
        var pinnedEarly = Q("pinned early", 5, 0, pinnedMinute: 1);
        var pinnedLate = Q("pinned late", 0, 0, pinnedMinute: 8);

        QuestionRanking.ByVotes([pinnedEarly, pinnedLate]).ShouldBe([pinnedLate, pinnedEarly]);
    }
}

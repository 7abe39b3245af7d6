using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Hiring;

public sealed class NearHomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    // 杨家坪 in 九龙坡区, Chongqing.
    private static readonly Place Home = new("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511);

    private sealed record Item(string Name, Location Location, DateTimeOffset CreatedAt);

    private static IReadOnlyList<string> Ranked(Place home, params Item[] items) =>
        NearHome.Rank(home, items, i => i.Location, i => i.CreatedAt).Select(r => r.Item.Name).ToList();

    [Fact]
    public void Same_community_beats_same_street_beats_same_district_beats_a_nearer_point_elsewhere()
    {
        var ranked = Ranked(Home,
            new Item("elsewhere-but-close", new Location("渝中区", "大坪街道", "某社区", 29.5031, 106.5111), Now),
            new Item("district", new Location("九龙坡区", "谢家湾街道", "华润社区", 29.521, 106.520), Now),
            new Item("street", new Location("九龙坡区", "杨家坪街道", "其他社区", 29.510, 106.515), Now),
            new Item("community", new Location("九龙坡区", "杨家坪街道", "民安华福社区", 29.530, 106.530), Now));

        ranked.ShouldBe(["community", "street", "district", "elsewhere-but-close"]);
    }

    [Fact]
    public void Inside_a_tier_nearer_points_come_first_and_jobs_without_a_point_last_newest_first()
    {
        var ranked = Ranked(Home,
            new Item("no-point-old", new Location("沙坪坝区", "井口街道", "", null, null), Now.AddDays(-2)),
            new Item("far", new Location("沙坪坝区", "井口街道", "井口社区", 29.645, 106.451), Now),
            new Item("no-point-new", new Location("沙坪坝区", "童家桥街道", "", null, null), Now),
            new Item("near", new Location("沙坪坝区", "童家桥街道", "新桥社区", 29.585, 106.434), Now));

        ranked.ShouldBe(["near", "far", "no-point-new", "no-point-old"]);
    }

    [Fact]
    public void Haversine_distance_matches_known_distances()
    {
        // A degree of latitude is 111.2 km; a degree of longitude at 60° north is half of that.
        NearHome.DistanceKm(new Place("", "", "", 0, 0), new Location("x", "", "", 1, 0))!.Value.ShouldBe(111.195, tolerance: 0.01);
        NearHome.DistanceKm(new Place("", "", "", 60, 10), new Location("x", "", "", 60, 11))!.Value.ShouldBe(55.59, tolerance: 0.05);
        NearHome.DistanceKm(Place.Nowhere, new Location("渝中区", "", "", 29.5, 106.5)).ShouldBeNull();
    }

    [Fact]
    public void A_home_given_only_as_a_point_ranks_by_distance_alone()
    {
        var pointOnly = new Place("", "", "", 29.503, 106.511);
        var ranked = Ranked(pointOnly,
            new Item("far-same-names", new Location("九龙坡区", "杨家坪街道", "民安华福社区", 29.60, 106.60), Now),
            new Item("near", new Location("渝中区", "大坪街道", "", 29.51, 106.52), Now));

        ranked.ShouldBe(["near", "far-same-names"]);
        NearHome.NearnessOf(pointOnly, new Location("九龙坡区", "杨家坪街道", "民安华福社区", null, null)).ShouldBe(Nearness.Elsewhere);
    }

    [Fact]
    public void A_community_of_the_same_name_on_another_street_is_not_the_same_community()
    {
        NearHome.NearnessOf(Home, new Location("九龙坡区", "谢家湾街道", "民安华福社区", null, null)).ShouldBe(Nearness.SameDistrict);
    }
}

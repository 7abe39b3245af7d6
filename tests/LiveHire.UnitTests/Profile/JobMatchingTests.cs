using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Profile;

public sealed class JobMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Place Home = new("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511);
    private static readonly Guid Employer = Guid.CreateVersion7();

    private static Job NewJob(string title, Location at, decimal min = 3000, decimal max = 4000, PayUnit unit = PayUnit.Month,
        SuitableGroups groups = SuitableGroups.None, string description = "", int ageMinutes = 0)
    {
        var job = Job.Create(Employer, title, description, min, max, unit, "", JobType.FullTime, at, Benefits.None, 1, Now.AddMinutes(-ageMinutes)).Value!;
        job.SetGroups(groups);
        return job;
    }

    private static Seeker Seeker(string[]? skills = null, string[]? wanted = null, SuitableGroups groups = SuitableGroups.None,
        decimal? pay = null, PayUnit unit = PayUnit.Month, Place? home = null) =>
        new(home ?? Home, skills ?? [], wanted ?? [], groups, pay, unit);

    private static readonly Location ElsewhereFar = new("渝北区", "龙溪街道", "松牌社区", 29.60, 106.55);

    [Fact]
    public void Each_reason_is_named_with_what_matched()
    {
        var job = NewJob("叉车司机", new("九龙坡区", "杨家坪街道", "民安华福社区", null, null), 5000, 6500, groups: SuitableGroups.Veterans | SuitableGroups.Older,
            description: "需持叉车证，会电焊优先");

        var match = JobMatching.Score(Seeker(skills: ["电焊", "厨师"], wanted: ["叉车司机"], groups: SuitableGroups.Veterans, pay: 4500), job);

        match.Reasons.ShouldBe([
            new(ReasonKind.SameCommunity, "民安华福社区"),
            new(ReasonKind.WantedTitle, "叉车司机"),
            new(ReasonKind.Skills, "电焊"),
            new(ReasonKind.Group, "Veterans"),
            new(ReasonKind.Pay, "5000-6500 Month"),
        ]);
    }

    [Fact]
    public void Nearness_uses_the_home_tiers_and_a_short_distance_counts_across_a_district_line()
    {
        JobMatching.Score(Seeker(), NewJob("a", new("九龙坡区", "杨家坪街道", "西郊社区", null, null))).Reasons.ShouldBe([new(ReasonKind.SameStreet, "杨家坪街道")]);
        JobMatching.Score(Seeker(), NewJob("b", new("九龙坡区", "谢家湾街道", "", null, null))).Reasons.ShouldBe([new(ReasonKind.SameDistrict, "九龙坡区")]);
        JobMatching.Score(Seeker(), NewJob("c", new("沙坪坝区", "井口街道", "", 29.504, 106.512))).Reasons.ShouldBe([new(ReasonKind.Nearby, "0.1")]);
        JobMatching.Score(Seeker(), NewJob("d", ElsewhereFar)).Reasons.ShouldBe([new(ReasonKind.Recent, "")]);
    }

    [Fact]
    public void Pay_compares_per_month_across_units_and_piece_rates_only_with_piece_rates()
    {
        var daily = NewJob("日结", ElsewhereFar, 200, 220, PayUnit.Day); // 220 × 21.75 = 4785 a month
        JobMatching.Score(Seeker(pay: 4700), daily).Reasons.ShouldContain(r => r.Kind == ReasonKind.Pay);
        JobMatching.Score(Seeker(pay: 4800), daily).Reasons.ShouldNotContain(r => r.Kind == ReasonKind.Pay);
        JobMatching.Score(Seeker(pay: 0.3m, unit: PayUnit.Piece), daily).Reasons.ShouldNotContain(r => r.Kind == ReasonKind.Pay);
        JobMatching.Score(Seeker(pay: 0.3m, unit: PayUnit.Piece), NewJob("串签", ElsewhereFar, 0.3m, 0.5m, PayUnit.Piece))
            .Reasons.ShouldContain(r => r.Kind == ReasonKind.Pay);
    }

    [Fact]
    public void A_wanted_title_matches_a_shorter_job_title_inside_it_and_ignores_case_and_width()
    {
        JobMatching.Score(Seeker(wanted: ["小区保安员"]), NewJob("保安", ElsewhereFar)).Reasons.ShouldContain(new MatchReason(ReasonKind.WantedTitle, "小区保安员"));
        JobMatching.Score(Seeker(wanted: ["ＤＲＩＶＥＲ"]), NewJob("Forklift Driver", ElsewhereFar)).Reasons.ShouldContain(r => r.Kind == ReasonKind.WantedTitle);
    }

    [Fact]
    public void Pick_returns_the_best_three_with_the_wanted_job_first_then_nearer_then_newer()
    {
        var jobs = new[]
        {
            NewJob("收银员", new("九龙坡区", "杨家坪街道", "民安华福社区", null, null), ageMinutes: 1),
            NewJob("仓库管理员", ElsewhereFar),
            NewJob("保洁员", new("九龙坡区", "谢家湾街道", "", null, null)),
            NewJob("服务员", new("九龙坡区", "石坪桥街道", "", null, null), ageMinutes: 5),
            NewJob("已暂停的收银员", new("九龙坡区", "杨家坪街道", "民安华福社区", null, null)),
        };
        jobs[^1].Pause();

        var picked = JobMatching.Pick(Seeker(wanted: ["仓库管理员"]), jobs, 3);

        picked.Select(m => m.Job.Title).ShouldBe(["仓库管理员", "收银员", "保洁员"]);
    }

    [Fact]
    public void Pick_gives_fewer_only_when_fewer_open_jobs_exist()
    {
        JobMatching.Pick(Seeker(), [NewJob("a", ElsewhereFar), NewJob("b", ElsewhereFar)], 3).Count.ShouldBe(2);
        JobMatching.Pick(Seeker(home: Place.Nowhere), Enumerable.Range(0, 10).Select(i => NewJob($"j{i}", ElsewhereFar, ageMinutes: i)), 3)
            .Select(m => m.Job.Title).ShouldBe(["j0", "j1", "j2"], "with nothing to match, the newest are shown, each with a reason");
    }
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Web.Features.Search;

namespace LiveHire.IntegrationTests.Search;

/// <summary>家门口 search on a real database: ranking, Chinese and English keywords, filters. One class per provider.</summary>
public abstract class JobSearchContract(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Place Home = new("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.CreateMigratedAsync(Ct);
        await using var db = database.NewContext();
        var employer = Organization.Create("重庆渝味食品有限公司", OrganizationKind.Employer, "九龙坡区", Now);
        db.Organizations.Add(employer);
        Job Add(string title, JobType type, decimal min, decimal max, PayUnit unit, Location at, SuitableGroups groups = SuitableGroups.None, int ageMinutes = 0)
        {
            var job = Job.Create(employer.Id, title, "", min, max, unit, "", type, at, Benefits.None, 1, Now.AddMinutes(-ageMinutes)).Value!;
            job.SetGroups(groups);
            db.Jobs.Add(job);
            return job;
        }
        Add("食品包装工", JobType.FullTime, 4500, 6000, PayUnit.Month, new("沙坪坝区", "井口街道", "井口社区", 29.504, 106.512));
        Add("门店营业员（宝妈岗）", JobType.PartTime, 20, 25, PayUnit.Hour, new("九龙坡区", "谢家湾街道", "华润社区", 29.521, 106.520), SuitableGroups.Mothers);
        Add("小区保安", JobType.FullTime, 3800, 4200, PayUnit.Month, new("九龙坡区", "杨家坪街道", "西郊社区", 29.510, 106.515), SuitableGroups.Older);
        Add("手工串签（居家计件）", JobType.Piecework, 0.3m, 0.5m, PayUnit.Piece, new("九龙坡区", "杨家坪街道", "民安华福社区", null, null));
        Add("Forklift Driver 叉车司机", JobType.FullTime, 200, 260, PayUnit.Day, new("九龙坡区", "谢家湾街道", "", 29.540, 106.540), ageMinutes: 5);
        Add("快递分拣员", JobType.Gig, 180, 220, PayUnit.Day, new("九龙坡区", "石坪桥街道", "", null, null), SuitableGroups.MigrantWorkers);
        Add("食品包装工（已暂停）", JobType.FullTime, 4500, 6000, PayUnit.Month, new("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511)).Pause();
        Add("食品包装工（已关闭）", JobType.FullTime, 4500, 6000, PayUnit.Month, new("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511)).Close();
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(SearchJobs.Filter filter, Place? home = null)
    {
        await using var db = database.NewContext();
        var result = await new SearchJobs.Handler(db).Handle(new SearchJobs.Query(filter, home ?? Home), Ct);
        return result.Jobs.Select(j => j.Title).ToList();
    }

    private static SearchJobs.Filter All => new(null, null, null, null, null);

    [Fact]
    public async Task Open_jobs_rank_same_community_then_street_then_district_then_by_distance()
    {
        (await TitlesAsync(All)).ShouldBe([
            "手工串签（居家计件）", // same community, no point
            "小区保安", // same street
            "门店营业员（宝妈岗）", // same district, 2.2 km
            "Forklift Driver 叉车司机", // same district, 4.7 km
            "快递分拣员", // same district, no point
            "食品包装工", // another district, although only 150 m away
        ]);
    }

    [Fact]
    public async Task Without_a_home_results_are_newest_first_and_a_point_alone_ranks_by_distance()
    {
        (await TitlesAsync(All, Place.Nowhere)).Last().ShouldBe("Forklift Driver 叉车司机");
        (await TitlesAsync(All, new Place("", "", "", 29.503, 106.511))).Take(3).ShouldBe(["食品包装工", "小区保安", "门店营业员（宝妈岗）"]);
    }

    [Theory]
    [InlineData("包装", "食品包装工")]
    [InlineData("营业员", "门店营业员（宝妈岗）")]
    [InlineData("宝妈", "门店营业员（宝妈岗）")]
    [InlineData("forklift", "Forklift Driver 叉车司机")]
    [InlineData("ＤＲＩＶＥＲ", "Forklift Driver 叉车司机")]
    [InlineData("叉车 driver", "Forklift Driver 叉车司机")]
    [InlineData("石坪桥", "快递分拣员")]
    public async Task Keywords_match_inside_Chinese_text_without_spaces_and_English_in_any_case(string q, string title)
    {
        (await TitlesAsync(All with { Q = q })).ShouldBe([title]);
    }

    [Fact]
    public async Task Every_keyword_must_match_and_nothing_matches_nonsense()
    {
        (await TitlesAsync(All with { Q = "包装 司机" })).ShouldBeEmpty();
        (await TitlesAsync(All with { Q = "程序员" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Minimum_pay_compares_hourly_daily_and_monthly_pay_per_month()
    {
        // 25 yuan an hour is 4350 a month; 260 a day is 5655; piece rates never meet a monthly minimum.
        (await TitlesAsync(All with { MinPay = 4300 })).ShouldBe(["门店营业员（宝妈岗）", "Forklift Driver 叉车司机", "快递分拣员", "食品包装工"]);
        (await TitlesAsync(All with { MinPay = 250, PayUnit = "Day" })).ShouldBe(["Forklift Driver 叉车司机", "食品包装工"]);
        (await TitlesAsync(All with { MinPay = 0.4m, PayUnit = "Piece" })).ShouldBe(["手工串签（居家计件）"]);
    }

    [Fact]
    public async Task Type_and_group_filters_narrow_the_results()
    {
        (await TitlesAsync(All with { Types = "Gig,Piecework" })).ShouldBe(["手工串签（居家计件）", "快递分拣员"]);
        (await TitlesAsync(All with { Groups = "Mothers" })).ShouldBe(["门店营业员（宝妈岗）"]);
        (await TitlesAsync(All with { Groups = "Older,Mothers" })).ShouldBeEmpty();
        (await TitlesAsync(All with { Types = "HomeBased" })).ShouldBeEmpty();
    }
}

public sealed class SqliteJobSearchTests() : JobSearchContract(new SqliteTestDatabase());

public sealed class PostgresJobSearchTests(TestServers servers) : JobSearchContract(new PostgresTestDatabase(servers));

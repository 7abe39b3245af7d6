using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.IntegrationTests.Search;
using LiveHire.Testing;
using LiveHire.Web.Features.Profile;
using LiveHire.Web.Features.Recommendations;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Profile;

/// <summary>Profiles and recommendations on a real database: JSON lists, the repeat window, the organizers' filters. One class per provider.</summary>
public abstract class RecommendationContract(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero); // 09:30 in Beijing
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider clock = new(Now);
    private readonly Guid mother = Guid.CreateVersion7();
    private readonly Guid veteran = Guid.CreateVersion7();
    private readonly List<Guid> jobs = [];

    public async ValueTask InitializeAsync()
    {
        await database.CreateMigratedAsync(Ct);
        await using var db = database.NewContext();
        var employer = Organization.Create("重庆渝味食品有限公司", OrganizationKind.Employer, "九龙坡区", Now);
        db.Organizations.Add(employer);
        foreach (var (id, name) in new[] { (mother, "陈小红"), (veteran, "王建国") })
            db.Users.Add(new User { Id = id, UserName = $"u{id:N}", DisplayName = name, CreatedAt = Now });
        db.CandidateHomes.Add(CandidateHome.Set(mother, "九龙坡区", "杨家坪街道", "", null, null, Now).Value!);
        db.CandidateHomes.Add(CandidateHome.Set(veteran, "沙坪坝区", "", "", null, null, Now).Value!);
        db.CandidateProfiles.Add(CandidateProfile.Create(mother, Content("陈小红", SuitableGroups.Mothers), Now).Value!);
        db.CandidateProfiles.Add(CandidateProfile.Create(veteran, Content("王建国", SuitableGroups.Veterans), Now).Value!);
        foreach (var (title, district, age) in new[] { ("食品包装工", "九龙坡区", 1), ("收银员", "九龙坡区", 2), ("保洁员", "九龙坡区", 3), ("快递分拣员", "沙坪坝区", 4), ("小区保安", "渝北区", 5) })
        {
            var job = Job.Create(employer.Id, title, "", 4000, 5000, PayUnit.Month, "", JobType.FullTime, new(district, "", "", null, null), Benefits.None, 1,
                Now.AddMinutes(-age)).Value!;
            db.Jobs.Add(job);
            jobs.Add(job.Id);
        }
        await db.SaveChangesAsync(Ct);
    }

    private static ProfileContent Content(string name, SuitableGroups groups) => new(name, "", [new("重庆工商职业学院", "电子商务", "大专", 2018, 2021)],
        [new("永辉超市", "收银员", 2021, null, "收银和理货")], ["收银", "叉车"], ["包装工"], 3000, PayUnit.Month, Availability.Flexible, new DateOnly(2026, 3, 10), groups);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<IReadOnlyList<RecommendationView>> RecommendAsync(Guid candidate)
    {
        await using var db = database.NewContext();
        return await new RecommendJobs.Handler(db, clock).Handle(new RecommendJobs.Command(candidate), Ct);
    }

    private async Task<IReadOnlyList<ListRecommendations.Row>> ListAsync(ListRecommendations.Filter filter)
    {
        await using var db = database.NewContext();
        return await new ListRecommendations.Handler(db).Handle(new ListRecommendations.Query(filter), Ct);
    }

    [Fact]
    public async Task A_saved_profile_reads_back_whole_from_the_database()
    {
        await using (var db = database.NewContext())
        {
            var saved = await new SaveProfile.Handler(db, clock).Handle(new SaveProfile.Command(mother, Content("陈小红", SuitableGroups.Mothers | SuitableGroups.Graduates)
                with { Skills = ["收银", "电焊"], Summary = "能吃苦" }), Ct);
            saved.IsSuccess.ShouldBeTrue();
        }

        await using var read = database.NewContext();
        var profile = await new GetProfile.Handler(read).Handle(new GetProfile.Query(mother), Ct);
        profile.Skills.ShouldBe(["收银", "电焊"]);
        profile.Summary.ShouldBe("能吃苦");
        profile.Education.ShouldBe([new EducationEntry("重庆工商职业学院", "电子商务", "大专", 2018, 2021)]);
        profile.Experience.ShouldBe([new ExperienceEntry("永辉超市", "收银员", 2021, null, "收银和理货")]);
        profile.Groups.ShouldBe(["Graduates", "Mothers"]);
        profile.AvailableFrom.ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public async Task A_job_is_not_recommended_twice_within_seven_days_and_may_be_again_after()
    {
        var first = await RecommendAsync(mother);
        first.Select(r => r.JobTitle).ShouldBe(["食品包装工", "收银员", "保洁员"]);
        first[0].Reasons.Select(r => r.Kind).ShouldBe([ReasonKind.SameDistrict, ReasonKind.WantedTitle, ReasonKind.Pay]);
        first[1].Reasons.ShouldContain(new MatchReason(ReasonKind.Skills, "收银"));
        await using (var db = database.NewContext())
        {
            (await db.Jobs.FindAsync([first[0].JobId], Ct))!.Close();
            await db.SaveChangesAsync(Ct);
        }

        clock.Advance(TimeSpan.FromDays(6));
        var topped = await RecommendAsync(mother);

        topped.Where(r => r.New).Select(r => r.JobTitle).ShouldBe(["快递分拣员"], "one fresh job replaces the closed one; the two standing are not repeated");
        topped.Select(r => r.JobTitle).ShouldBe(["快递分拣员", "收银员", "保洁员"], ignoreOrder: true);

        clock.Advance(TimeSpan.FromDays(2));
        var later = await RecommendAsync(mother);

        later.Where(r => r.New).Select(r => r.JobTitle).ShouldBe(["收银员", "保洁员"], "after seven days the old ones may come back");
        (await ListAsync(new(null, null, null, null))).Count(r => r.CandidateId == mother).ShouldBe(6);
    }

    [Fact]
    public async Task Organizers_filter_by_district_group_and_beijing_date_and_see_who_applied()
    {
        var mothers = await RecommendAsync(mother);
        clock.Advance(TimeSpan.FromDays(1));
        var veterans = await RecommendAsync(veteran);
        await using (var db = database.NewContext())
        {
            db.Applications.Add(JobApplication.Submit(mothers[1].JobId, mother, null, null, clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        var all = await ListAsync(new(null, null, null, null));
        var inJiulongpo = await ListAsync(new("九龙坡区", null, null, null));
        var forVeterans = await ListAsync(new(null, "Veterans", null, null));
        var onTheFirstDay = await ListAsync(new(null, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2)));
        var fromTheSecondDay = await ListAsync(new(null, null, new DateOnly(2026, 3, 3), null));

        all.Count.ShouldBe(6);
        all.Take(3).ShouldAllBe(r => r.CandidateName == "王建国", "newest first");
        inJiulongpo.Select(r => r.Id).ShouldBe(mothers.Select(r => r.Id), ignoreOrder: true);
        forVeterans.Select(r => r.Id).ShouldBe(veterans.Select(r => r.Id), ignoreOrder: true);
        onTheFirstDay.Select(r => r.Id).ShouldBe(mothers.Select(r => r.Id), ignoreOrder: true);
        fromTheSecondDay.Select(r => r.Id).ShouldBe(veterans.Select(r => r.Id), ignoreOrder: true);
        all.Where(r => r.Applied).Select(r => (r.CandidateId, r.JobId)).ShouldBe([(mother, mothers[1].JobId)]);
        all.ShouldAllBe(r => r.EmployerName == "重庆渝味食品有限公司" && r.MadeBy == null && r.Reasons.Count > 0);
    }
}

public sealed class SqliteRecommendationTests() : RecommendationContract(new SqliteTestDatabase());

public sealed class PostgresRecommendationTests(TestServers servers) : RecommendationContract(new PostgresTestDatabase(servers));

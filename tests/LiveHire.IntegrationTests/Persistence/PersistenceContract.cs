using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Persistence;

/// <summary>
/// What the model and each provider's migration set must do on a real database. Every test starts on an empty
/// database migrated with that provider's own migrations; each test class derives from this for one provider.
/// </summary>
public abstract partial class PersistenceContract : IAsyncLifetime
{
    protected static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Monday 2 March 2026, 09:30 in Beijing.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));

    private DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Creates the empty database that <see cref="NewContext"/> connects to.</summary>
    protected abstract ValueTask CreateEmptyDatabaseAsync();

    /// <summary>A new context (with an empty change tracker) on this test's database, with the given interceptors.</summary>
    protected abstract LiveHireDbContext NewContext(params IInterceptor[] interceptors);

    protected abstract ValueTask DeleteDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        await CreateEmptyDatabaseAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await DeleteDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Migrations_leave_nothing_pending_and_match_the_model()
    {
        await using var db = NewContext();

        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changed since this provider's last migration");
    }

    [Fact]
    public async Task Employer_and_job_round_trip_exactly_including_Chinese_text()
    {
        var employer = Organization.Create("上海浦江精密机械有限公司", OrganizationKind.Employer, "闵行区", Now);
        employer.MarkVerified(Now);
        var job = Job.Create(employer.Id, "数控车床操作工（包吃住）", "负责数控车床日常操作与保养；有经验者优先。\n五险一金，节假日福利。",
            6500.50m, 9800.75m, PayUnit.Month, "8:00-17:30，做六休一", JobType.FullTime,
            Location.Create("闵行区", "浦江镇", "永康城社区", 31.052_137, 121.507_845),
            Benefits.SocialInsurance | Benefits.HousingFund | Benefits.Meals | Benefits.Housing, 12, Now).Value!;
        await AddAsync(employer, job);

        await using var db = NewContext();
        var read = await db.Jobs.Include(j => j.Employer).SingleAsync(j => j.Id == job.Id, Ct);

        read.Employer.ShouldNotBeNull();
        read.Employer.Name.ShouldBe("上海浦江精密机械有限公司");
        read.Employer.Kind.ShouldBe(OrganizationKind.Employer);
        read.Employer.District.ShouldBe("闵行区");
        read.Employer.VerifiedAt.ShouldBe(Now);
        read.Title.ShouldBe("数控车床操作工（包吃住）");
        read.Description.ShouldBe(job.Description);
        read.PayMin.ShouldBe(6500.50m);
        read.PayMax.ShouldBe(9800.75m);
        read.PayUnit.ShouldBe(PayUnit.Month);
        read.Hours.ShouldBe("8:00-17:30，做六休一");
        read.Type.ShouldBe(JobType.FullTime);
        read.Location.ShouldBe(new Location("闵行区", "浦江镇", "永康城社区", 31.052_137, 121.507_845));
        read.Benefits.ShouldBe(Benefits.SocialInsurance | Benefits.HousingFund | Benefits.Meals | Benefits.Housing);
        read.Headcount.ShouldBe(12);
        read.Status.ShouldBe(JobStatus.Open);
        read.CreatedAt.ShouldBe(Now);
        read.VerifiedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Job_without_map_point_and_benefits_round_trips()
    {
        var employer = Organization.Create("家政服务社", OrganizationKind.Employer, "徐汇区", Now);
        var job = Job.Create(employer.Id, "钟点工", "", 35m, 35m, PayUnit.Hour, "", JobType.Gig,
            Location.Create("徐汇区"), Benefits.None, 1, Now).Value!;
        await AddAsync(employer, job);

        await using var db = NewContext();
        var read = await db.Jobs.SingleAsync(j => j.Id == job.Id, Ct);

        read.Location.ShouldBe(new Location("徐汇区", "", "", null, null));
        read.Benefits.ShouldBe(Benefits.None);
        read.PayMin.ShouldBe(35m);
    }

    [Fact]
    public async Task Jobs_filter_and_sort_by_pay_and_benefits_in_the_database()
    {
        var employer = Organization.Create("物流园", OrganizationKind.Employer, "嘉定区", Now);
        var low = NewJob(employer, "分拣员", 4200m, 5000m, Benefits.Meals);
        var high = NewJob(employer, "叉车司机", 7000m, 9000.5m, Benefits.SocialInsurance | Benefits.Meals);
        var mid = NewJob(employer, "仓管员", 5500m, 6800m, Benefits.SocialInsurance);
        await AddAsync(employer, low, high, mid);

        await using var db = NewContext();
        var paysAtLeast6000WithInsurance = await db.Jobs
            .Where(j => j.PayMax >= 6000m && (j.Benefits & Benefits.SocialInsurance) != 0)
            .OrderByDescending(j => j.PayMin)
            .Select(j => j.Title)
            .ToListAsync(Ct);

        paysAtLeast6000WithInsurance.ShouldBe(["叉车司机", "仓管员"]);
    }

    [Fact]
    public async Task Session_scheduled_in_Beijing_time_reads_back_as_the_same_instant()
    {
        var (employer, recruiter) = await AddEmployerAndRecruiterAsync();
        var start = new DateTimeOffset(2026, 3, 5, 14, 0, 0, Beijing);
        var session = LiveSession.Schedule(employer.Id, null, "春风行动·直播带岗", start, start.AddHours(2), recruiter.Id, Now).Value!;
        await AddAsync(session);

        await using var db = NewContext();
        var read = await db.LiveSessions.SingleAsync(s => s.Id == session.Id, Ct);

        read.ScheduledStart.ShouldBe(start);
        read.ScheduledStart.UtcDateTime.ShouldBe(new DateTime(2026, 3, 5, 6, 0, 0, DateTimeKind.Utc));
        read.ScheduledEnd.ShouldBe(start.AddHours(2));
        read.Title.ShouldBe("春风行动·直播带岗");
        read.Status.ShouldBe(LiveSessionStatus.Scheduled);
        read.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public async Task Sessions_ordered_by_start_come_back_in_instant_order_whatever_offset_they_were_created_with()
    {
        var (employer, recruiter) = await AddEmployerAndRecruiterAsync();
        // Listed by wall-clock text these would sort D, B, C, A; as instants they are D, C, A, B.
        var a = Schedule(employer, recruiter, "A", new DateTimeOffset(2026, 3, 5, 10, 0, 0, Beijing));              // 02:00Z
        var b = Schedule(employer, recruiter, "B", new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero));        // 03:00Z
        var c = Schedule(employer, recruiter, "C", new DateTimeOffset(2026, 3, 5, 9, 30, 0, Beijing));             // 01:30Z
        var d = Schedule(employer, recruiter, "D", new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.FromHours(-5))); // 01:00Z
        await AddAsync(a, b, c, d);

        await using var db = NewContext();
        var titles = await db.LiveSessions.OrderBy(s => s.ScheduledStart).Select(s => s.Title).ToListAsync(Ct);

        titles.ShouldBe(["D", "C", "A", "B"]);
    }

    [Fact]
    public async Task Sessions_of_a_Beijing_day_are_found_with_bounds_given_in_Beijing_time()
    {
        var (employer, recruiter) = await AddEmployerAndRecruiterAsync();
        // 07:30 in Beijing on the 6th is still the 5th in UTC: only a comparison of instants keeps it on the right day.
        var early = Schedule(employer, recruiter, "early on the 6th", new DateTimeOffset(2026, 3, 6, 7, 30, 0, Beijing));
        var late = Schedule(employer, recruiter, "late on the 5th", new DateTimeOffset(2026, 3, 5, 22, 0, 0, Beijing));
        await AddAsync(early, late);

        var dayStart = new DateTimeOffset(2026, 3, 6, 0, 0, 0, Beijing);
        var dayEnd = dayStart.AddDays(1);
        await using var db = NewContext();
        var titles = await db.LiveSessions
            .Where(s => s.ScheduledStart >= dayStart && s.ScheduledStart < dayEnd)
            .Select(s => s.Title)
            .ToListAsync(Ct);

        titles.ShouldBe(["early on the 6th"]);
    }

    [Fact]
    public async Task Timestamps_given_in_Beijing_time_are_stored_as_the_same_instant()
    {
        var beijingNow = Now.ToOffset(Beijing);
        var organizer = Organization.Create("闵行区就业促进中心", OrganizationKind.Organizer, "闵行区", beijingNow);
        organizer.MarkVerified(beijingNow.AddMinutes(5));
        await AddAsync(organizer);

        await using var db = NewContext();
        var read = await db.Organizations.SingleAsync(o => o.CreatedAt == beijingNow, Ct);

        read.Id.ShouldBe(organizer.Id);
        read.CreatedAt.ShouldBe(Now);
        read.VerifiedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public async Task Questions_are_deleted_with_their_session()
    {
        var (employer, recruiter) = await AddEmployerAndRecruiterAsync();
        var candidate = NewUser("13800138001", "小王");
        var doomed = Schedule(employer, recruiter, "取消的场次", new DateTimeOffset(2026, 3, 5, 10, 0, 0, Beijing));
        var kept = Schedule(employer, recruiter, "保留的场次", new DateTimeOffset(2026, 3, 5, 14, 0, 0, Beijing));
        await AddAsync(candidate, doomed, kept);
        await AddAsync(
            Question.Ask(doomed, candidate.Id, "包住宿吗？", Now).Value!,
            Question.Ask(doomed, candidate.Id, "需要什么证书？", Now).Value!,
            Question.Ask(kept, candidate.Id, "周末休息吗？", Now).Value!);

        await using (var db = NewContext())
            (await db.LiveSessions.Where(s => s.Id == doomed.Id).ExecuteDeleteAsync(Ct)).ShouldBe(1);

        await using var check = NewContext();
        (await check.Questions.CountAsync(q => q.SessionId == doomed.Id, Ct)).ShouldBe(0);
        (await check.Questions.Where(q => q.SessionId == kept.Id).Select(q => q.Text).ToListAsync(Ct)).ShouldBe(["周末休息吗？"]);
    }

    [Fact]
    public async Task Second_application_for_the_same_job_by_the_same_candidate_is_refused()
    {
        var employer = Organization.Create("快递站", OrganizationKind.Employer, "浦东新区", Now);
        var job = NewJob(employer, "快递员", 6000m, 9000m, Benefits.None);
        var candidate = NewUser("13800138002", "小李");
        await AddAsync(employer, job, candidate);
        await AddAsync(JobApplication.Submit(job.Id, candidate.Id, null, null, Now));

        await using var db = NewContext();
        db.Applications.Add(JobApplication.Submit(job.Id, candidate.Id, null, null, Now.AddSeconds(1)));
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        await using var check = NewContext();
        (await check.Applications.CountAsync(a => a.JobId == job.Id && a.CandidateId == candidate.Id, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Same_candidate_may_apply_to_another_job()
    {
        var employer = Organization.Create("快递站", OrganizationKind.Employer, "浦东新区", Now);
        var courier = NewJob(employer, "快递员", 6000m, 9000m, Benefits.None);
        var sorter = NewJob(employer, "分拣员", 5000m, 6000m, Benefits.None);
        var candidate = NewUser("13800138003", "小张");
        await AddAsync(employer, courier, sorter, candidate);
        await AddAsync(JobApplication.Submit(courier.Id, candidate.Id, null, null, Now));

        await AddAsync(JobApplication.Submit(sorter.Id, candidate.Id, null, null, Now));

        await using var db = NewContext();
        (await db.Applications.CountAsync(a => a.CandidateId == candidate.Id, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Phone_number_belongs_to_at_most_one_user()
    {
        await AddAsync(NewUser("13800138004", "甲"));

        await using var db = NewContext();
        db.Users.Add(NewUser("13800138004", "乙"));
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Any_number_of_users_may_have_no_phone_number()
    {
        await AddAsync(NewUser(null, "邮箱用户一"), NewUser(null, "邮箱用户二"));

        await using var db = NewContext();
        (await db.Users.CountAsync(u => u.PhoneNumber == null, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Identity_users_and_roles_are_created_through_the_context()
    {
        var employer = Organization.Create("人力资源公司", OrganizationKind.Employer, "静安区", Now);
        await AddAsync(employer);
        var recruiter = NewUser("13800138005", "招聘专员王女士");
        recruiter.OrganizationId = employer.Id;

        await using (var db = NewContext())
        {
            using var roles = new RoleStore<Role, LiveHireDbContext, Guid>(db);
            foreach (var name in Roles.All)
                (await roles.CreateAsync(new Role(name) { NormalizedName = name.ToUpperInvariant() }, Ct)).Succeeded.ShouldBeTrue();
            using var users = new UserStore<User, Role, LiveHireDbContext, Guid>(db);
            (await users.CreateAsync(recruiter, Ct)).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(recruiter, Roles.Recruiter.ToUpperInvariant(), Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using var check = NewContext();
        using var store = new UserStore<User, Role, LiveHireDbContext, Guid>(check);
        var read = await store.FindByNameAsync(recruiter.NormalizedUserName!, Ct);
        read.ShouldNotBeNull();
        read.DisplayName.ShouldBe("招聘专员王女士");
        read.PhoneNumber.ShouldBe("13800138005");
        read.OrganizationId.ShouldBe(employer.Id);
        read.CreatedAt.ShouldBe(Now);
        (await store.GetRolesAsync(read, Ct)).ShouldBe([Roles.Recruiter]);
        (await store.GetUsersInRoleAsync(Roles.Recruiter.ToUpperInvariant(), Ct)).Select(u => u.Id).ShouldBe([recruiter.Id]);
        (await check.Roles.Select(r => r.Name).ToListAsync(Ct)).ShouldBe(Roles.All, ignoreOrder: true);
    }

    private async Task AddAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync(Ct);
    }

    private async Task<(Organization Employer, User Recruiter)> AddEmployerAndRecruiterAsync()
    {
        var employer = Organization.Create("美团骑手站", OrganizationKind.Employer, "长宁区", Now);
        var recruiter = NewUser("13900139000", "站长");
        recruiter.OrganizationId = employer.Id;
        await AddAsync(employer, recruiter);
        return (employer, recruiter);
    }

    private LiveSession Schedule(Organization employer, User recruiter, string title, DateTimeOffset start) =>
        LiveSession.Schedule(employer.Id, null, title, start, start.AddHours(1), recruiter.Id, Now).Value!;

    private Job NewJob(Organization employer, string title, decimal payMin, decimal payMax, Benefits benefits) =>
        Job.Create(employer.Id, title, "", payMin, payMax, PayUnit.Month, "", JobType.FullTime, Location.Create(employer.District),
            benefits, 1, Now).Value!;

    private User NewUser(string? phone, string displayName)
    {
        var userName = phone ?? $"{Guid.NewGuid():N}@example.cn";
        return new User
        {
            Id = Guid.CreateVersion7(Now), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
            PhoneNumber = phone, DisplayName = displayName, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = Now,
        };
    }
}

using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Demo;

/// <summary>
/// Demo data for `run`: an organizer (a district employment centre), two employers with jobs in several districts,
/// a fair with sessions, candidates and an admin. Idempotent: does nothing when the organizer already exists.
/// </summary>
public sealed class DemoData(LiveHireDbContext db, UserManager<User> users, RoleManager<Role> roles, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "LiveHire2026";
    public const string OrganizerName = "九龙坡区就业和人才中心";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Logins =
    [
        ("organizer@demo.livehire", "区就业中心 王老师", Roles.Organizer),
        ("organizer2@demo.livehire", "沙坪坝区就业中心 赵老师", Roles.Organizer),
        ("recruiter@demo.livehire", "渝味食品 李经理", Roles.Recruiter),
        ("recruiter2@demo.livehire", "山城物流 张主管", Roles.Recruiter),
        ("candidate@demo.livehire", "陈小红", Roles.Candidate),
        ("candidate2@demo.livehire", "刘大明", Roles.Candidate),
        ("admin@demo.livehire", "系统管理员", Roles.Admin),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new Role(role));
        if (await db.Organizations.AnyAsync(o => o.Name == OrganizerName, ct)) return;

        var now = clock.GetUtcNow();
        var organizer = Organization.Create(OrganizerName, OrganizationKind.Organizer, "九龙坡区", now);
        var food = Organization.Create("重庆渝味食品有限公司", OrganizationKind.Employer, "九龙坡区", now);
        var logistics = Organization.Create("山城物流有限公司", OrganizationKind.Employer, "沙坪坝区", now);
        food.MarkVerified(now);
        // A second centre, so that one organizer's fairs and booth decisions are seen to be closed to another's staff.
        var otherOrganizer = Organization.Create("沙坪坝区就业服务中心", OrganizationKind.Organizer, "沙坪坝区", now);
        db.Organizations.AddRange(organizer, otherOrganizer, food, logistics);

        Job NewJob(Organization employer, string title, decimal min, decimal max, PayUnit unit, string hours, JobType type, Location at, Benefits benefits, int headcount)
        {
            var job = Job.Create(employer.Id, title, "", min, max, unit, hours, type, at, benefits, headcount, now).Value!;
            if (employer.VerifiedAt is not null) job.MarkVerified(now);
            return job;
        }
        var packer = NewJob(food, "食品包装工", 4500, 6000, PayUnit.Month, "8:30-17:30，做五休二", JobType.FullTime,
            Location.Create("九龙坡区", "杨家坪街道", "民安华福社区", 29.503, 106.511), Benefits.SocialInsurance | Benefits.Meals, 20);
        var clerk = NewJob(food, "门店营业员（宝妈岗）", 20, 25, PayUnit.Hour, "9:30-15:00，接送孩子不耽误", JobType.PartTime,
            Location.Create("九龙坡区", "谢家湾街道", "华润社区", 29.521, 106.520), Benefits.Meals, 6);
        db.Jobs.AddRange(
            packer,
            clerk,
            NewJob(food, "手工串签（居家计件）", 0.3m, 0.5m, PayUnit.Piece, "时间自由", JobType.Piecework,
                Location.Create("九龙坡区", "石坪桥街道", "黄桷坪社区"), Benefits.None, 30),
            NewJob(logistics, "快递分拣员", 180, 220, PayUnit.Day, "夜班 20:00-6:00", JobType.Gig,
                Location.Create("沙坪坝区", "井口街道", "井口社区", 29.645, 106.451), Benefits.None, 15),
            NewJob(logistics, "货车司机（C1）", 7000, 9000, PayUnit.Month, "8:00-18:00", JobType.FullTime,
                Location.Create("沙坪坝区", "童家桥街道", "新桥社区", 29.585, 106.434), Benefits.SocialInsurance | Benefits.HousingFund | Benefits.Housing, 5));

        var today = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Fair.DefaultTimeZone)).Date;
        var fairStart = new DateTimeOffset(today.AddDays(1).AddHours(9), TimeSpan.FromHours(8));
        var fair = Fair.Create(organizer.Id, "每周一聘·九龙坡区线上招聘会", "家门口就业，直播带岗", "九龙坡区",
            fairStart, fairStart.AddHours(8), now).Value!;
        db.Fairs.Add(fair);
        await db.SaveChangesAsync(ct);

        var created = new Dictionary<string, User>();
        foreach (var (email, name, role) in Logins)
        {
            var orgId = role switch
            {
                Roles.Organizer => email.StartsWith("organizer2", StringComparison.Ordinal) ? otherOrganizer.Id : organizer.Id,
                Roles.Recruiter => email.StartsWith("recruiter2", StringComparison.Ordinal) ? logistics.Id : food.Id,
                _ => (Guid?)null,
            };
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = orgId, CreatedAt = now };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
            created[email] = user;
        }

        var scheduler = created["organizer@demo.livehire"].Id;
        // One session open right now, so the demo has a room to walk into immediately.
        var liveNow = LiveSession.Schedule(food.Id, fair.Id, "渝味食品 直播带岗：包装工、营业员", now.AddMinutes(-5), now.AddHours(2), scheduler, now).Value!;
        liveNow.GoLive(now);
        // The two jobs the title names, the first on air: a visitor sees a job card and can apply at once.
        liveNow.SetLineup([packer.Id, clerk.Id]);
        liveNow.Present(packer.Id);
        db.LiveSessions.AddRange(
            liveNow,
            LiveSession.Schedule(logistics.Id, fair.Id, "山城物流 夜班分拣、司机专场", fairStart.AddHours(1), fairStart.AddHours(2), scheduler, now).Value!,
            LiveSession.Schedule(food.Id, fair.Id, "居家计件岗位介绍", fairStart.AddHours(3), fairStart.AddHours(4), scheduler, now).Value!);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data seeded: {Users} users, 2 employers, 1 fair, 3 sessions", created.Count);
    }
}

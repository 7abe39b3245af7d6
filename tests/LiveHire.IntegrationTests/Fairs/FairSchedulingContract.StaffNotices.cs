using LiveHire.Core.Adapters;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Messaging;
using LiveHire.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>
/// Recruiters' go-live reminder and organizers' morning digest: rows first, each sent once to each person however many
/// Workers run the job at once.
/// </summary>
public abstract partial class FairSchedulingContract
{
    /// <summary>Saturday 28 November 2026, 09:00 Beijing.</summary>
    private static readonly DateTimeOffset SessionStart = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    private int staffCount;

    private sealed record Staff(Guid OrganizerId, Guid EmployerId, Guid SessionId, Guid[] Recruiters, Guid[] Organizers);

    /// <summary>An organizer (two members) runs a fair; an employer (two recruiters) has one session in it at 09:00.</summary>
    private async Task<Staff> FairWithSessionAsync()
    {
        await using var db = NewContext();
        var now = clock.GetUtcNow();
        var organizer = Organization.Create("九龙坡区就业服务中心", OrganizationKind.Organizer, "九龙坡区", now);
        var employer = Organization.Create("重庆某机械厂", OrganizationKind.Employer, "九龙坡区", now);
        db.Organizations.AddRange(organizer, employer);
        var people = Enumerable.Range(0, 4).Select(i => new User
        {
            UserName = $"s{Guid.NewGuid():N}", DisplayName = $"员工{i}", PhoneNumber = $"1390000{Interlocked.Increment(ref staffCount):D4}", CreatedAt = now,
            OrganizationId = i < 2 ? employer.Id : organizer.Id,
        }).ToArray();
        db.Users.AddRange(people);
        var fair = Fair.Create(organizer.Id, "周六专场", "", "九龙坡区", SessionStart, SessionStart.AddHours(3), now).Value!;
        db.Fairs.Add(fair);
        var session = LiveSession.Schedule(employer.Id, fair.Id, "普工招聘直播", SessionStart, SessionStart.AddHours(1), people[0].Id, now).Value!;
        db.LiveSessions.Add(session);
        await db.SaveChangesAsync(Ct);
        return new Staff(organizer.Id, employer.Id, session.Id, [people[0].Id, people[1].Id], [people[2].Id, people[3].Id]);
    }

    private async Task<int> RunStaffJobAsync()
    {
        redis ??= await ConnectionMultiplexer.ConnectAsync(Servers.RedisConnectionString);
        await using var db = NewContext();
        var delivery = new ChannelDelivery(db, new OutboxSmsSender(db, clock), new OutboxEmailSender(db, clock));
        var job = new DispatchStaffNotices(new StaffNoticePlanner(db, clock),
            new StaffNoticeDispatcher(db, delivery, new RedisStreamLiveNotifier(redis, redisPrefix), clock));
        return await job.RunAsync(Ct);
    }

    private async Task<List<Notification>> NotificationsAsync(NotificationKind kind)
    {
        await using var db = NewContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync(Ct);
    }

    [Fact]
    public async Task Four_workers_send_each_recruiter_one_go_live_reminder_fifteen_minutes_before_the_session()
    {
        var staff = await FairWithSessionAsync();
        clock.SetUtcNow(SessionStart.AddDays(-1)); // the day before: planned, not due
        await RunStaffJobAsync();

        clock.SetUtcNow(SessionStart.AddMinutes(-16));
        await RunStaffJobAsync();
        (await NotificationsAsync(NotificationKind.GoLive)).ShouldBeEmpty("not due yet");
        clock.SetUtcNow(SessionStart.AddMinutes(-15));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunStaffJobAsync, Ct)));
        (await RunStaffJobAsync()).ShouldBe(0, "a retry is harmless");

        var notices = await NotificationsAsync(NotificationKind.GoLive);
        notices.Select(n => n.UserId).Order().ShouldBe(staff.Recruiters.Order());
        notices.ShouldAllBe(n => n.Link == $"/studio/{staff.SessionId}" && n.Body.Contains("09:00"));
        await using var db = NewContext();
        (await db.Outbox.CountAsync(m => m.Channel == MessageChannel.Sms && m.Body.Contains("准备开播"), Ct)).ShouldBe(2, "one SMS per recruiter");
    }

    [Fact]
    public async Task Moving_a_session_moves_its_go_live_reminder_and_a_cancelled_one_sends_none()
    {
        var moved = await FairWithSessionAsync();
        var cancelled = await FairWithSessionAsync();
        clock.SetUtcNow(SessionStart.AddHours(-20));
        await RunStaffJobAsync();
        await using (var db = NewContext())
        {
            (await db.LiveSessions.SingleAsync(s => s.Id == moved.SessionId, Ct)).Shift(TimeSpan.FromHours(2), clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            (await db.LiveSessions.SingleAsync(s => s.Id == cancelled.SessionId, Ct)).Cancel().IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }

        clock.SetUtcNow(SessionStart.AddMinutes(-15));
        await RunStaffJobAsync();
        (await NotificationsAsync(NotificationKind.GoLive)).ShouldBeEmpty("the old time is not due any more, the cancelled session owes nothing");
        clock.SetUtcNow(SessionStart.AddHours(2).AddMinutes(-15));
        await RunStaffJobAsync();

        (await NotificationsAsync(NotificationKind.GoLive)).Select(n => n.UserId).Order().ShouldBe(moved.Recruiters.Order());
        (await NotificationsAsync(NotificationKind.GoLive)).ShouldAllBe(n => n.Body.Contains("11:00"));
    }

    [Fact]
    public async Task Four_workers_send_each_organizer_member_one_morning_digest_at_half_past_seven_local_time()
    {
        var staff = await FairWithSessionAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 29, 0, TimeSpan.Zero)); // 07:29 Beijing
        (await RunStaffJobAsync()).ShouldBe(0);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunStaffJobAsync, Ct)));
        clock.Advance(TimeSpan.FromMinutes(1));
        await RunStaffJobAsync();

        sent.Sum().ShouldBe(1);
        var digests = await NotificationsAsync(NotificationKind.MorningDigest);
        digests.Select(n => n.UserId).Order().ShouldBe(staff.Organizers.Order());
        digests.ShouldAllBe(n => n.Title == "今日场次：11月28日 共 1 场" && n.Body == "09:00 普工招聘直播（重庆某机械厂）");
        await using var db = NewContext();
        (await db.StaffNotices.CountAsync(n => n.Kind == StaffNoticeKind.MorningDigest, Ct)).ShouldBe(1, "one row per organizer and local day");
    }
}

using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Messaging;
using LiveHire.Testing;
using LiveHire.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>
/// The edition generator and the reminder dispatcher as Hangfire runs them (the Workers job classes), on a real migrated
/// database of each provider: once per series and date, and each reminder sent once, however often and however many
/// Workers run them at once. Live events go to a real Redis stream, as in Distributed mode.
/// </summary>
public abstract partial class FairSchedulingContract(TestServers servers) : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected TestServers Servers { get; } = servers;

    /// <summary>Wednesday 25 November 2026, 10:00 in Beijing.</summary>
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    protected abstract ValueTask CreateEmptyDatabaseAsync();
    protected abstract LiveHireDbContext NewContext();
    protected abstract ValueTask DeleteDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        await CreateEmptyDatabaseAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null) await redis.DisposeAsync();
        await DeleteDatabaseAsync();
    }

    /// <summary>每周一聘 on Saturdays at 09:00 Beijing time, from 28 November: 8 editions fall within the 8 weeks ahead.</summary>
    private async Task<Guid> WeeklySeriesAsync()
    {
        await using var db = NewContext();
        var organizer = Organization.Create("九龙坡区就业服务中心", OrganizationKind.Organizer, "九龙坡区", clock.GetUtcNow());
        db.Organizations.Add(organizer);
        var series = FairSeries.Create(organizer.Id, "每周一聘", "", Recurrence.Weekly(DayOfWeek.Saturday, new DateOnly(2026, 11, 28), new TimeOnly(9, 0), TimeSpan.FromHours(3)),
            "Asia/Shanghai", ["九龙坡区"], [TargetGroup.Everyone], ["制造业"], null, clock.GetUtcNow()).Value!;
        db.FairSeries.Add(series);
        await db.SaveChangesAsync(Ct);
        return series.Id;
    }

    private async Task<int> RunJobAsync()
    {
        await using var db = NewContext();
        return await new GenerateFairEditions(new FairEditions(db, clock)).RunAsync(Ct);
    }

    private async Task<List<Fair>> EditionsAsync(Guid seriesId)
    {
        await using var db = NewContext();
        return await db.Fairs.AsNoTracking().Where(f => f.SeriesId == seriesId).OrderBy(f => f.OccurrenceDate).ToListAsync(Ct);
    }

    [Fact]
    public async Task Running_the_job_twice_creates_each_edition_once()
    {
        var seriesId = await WeeklySeriesAsync();

        (await RunJobAsync()).ShouldBe(8);
        (await RunJobAsync()).ShouldBe(0, "a retry is harmless");

        var editions = await EditionsAsync(seriesId);
        editions.Count.ShouldBe(8);
        editions[0].StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        editions[0].EndsAt.ShouldBe(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
        editions.Select(e => e.OccurrenceDate!.Value.DayOfWeek).Distinct().ShouldBe([DayOfWeek.Saturday]);
    }

    [Fact]
    public async Task Four_workers_running_the_job_at_once_create_each_edition_once()
    {
        var seriesId = await WeeklySeriesAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunJobAsync, Ct)));

        created.Sum().ShouldBe(8, "every edition was created by exactly one of them");
        (await EditionsAsync(seriesId)).Select(e => e.OccurrenceDate).Distinct().Count().ShouldBe(8);
    }

    [Fact]
    public async Task The_window_moves_with_the_clock_and_adds_only_new_dates()
    {
        var seriesId = await WeeklySeriesAsync();
        await RunJobAsync();

        clock.Advance(TimeSpan.FromDays(14));

        (await RunJobAsync()).ShouldBe(2);
        (await EditionsAsync(seriesId)).Count.ShouldBe(10);
    }

    [Fact]
    public async Task A_moved_edition_keeps_its_date_key_and_is_not_generated_again()
    {
        var seriesId = await WeeklySeriesAsync();
        await RunJobAsync();
        await using (var db = NewContext())
        {
            var first = await db.Fairs.OrderBy(f => f.StartsAt).FirstAsync(f => f.SeriesId == seriesId, Ct);
            first.Move(first.StartsAt.AddDays(1), first.EndsAt.AddDays(1), clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }

        (await RunJobAsync()).ShouldBe(0);

        var editions = await EditionsAsync(seriesId);
        editions.Count.ShouldBe(8);
        editions[0].StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
    }

    private readonly string redisPrefix = $"t{Guid.NewGuid():N}";
    private ConnectionMultiplexer? redis;

    /// <summary>A candidate with a phone registers for the first edition (Saturday 28 November, 09:00 Beijing = 01:00 UTC).</summary>
    private async Task<(Guid FairId, Guid RegistrationId)> RegisteredCandidateAsync()
    {
        var seriesId = await WeeklySeriesAsync();
        await RunJobAsync();
        await using var db = NewContext();
        var fair = await db.Fairs.OrderBy(f => f.StartsAt).FirstAsync(f => f.SeriesId == seriesId, Ct);
        var candidate = new User { UserName = $"c{Guid.NewGuid():N}", DisplayName = "李女士", PhoneNumber = "13800138000", CreatedAt = clock.GetUtcNow() };
        db.Users.Add(candidate);
        var registration = FairRegistration.Create(candidate.Id, fair.Id, null, clock.GetUtcNow());
        db.FairRegistrations.Add(registration);
        await db.SaveChangesAsync(Ct);
        (await new ReminderSchedule(db, clock).ScheduleAsync(fair.Id, registration.Id, Ct)).ShouldBe(3);
        return (fair.Id, registration.Id);
    }

    private async Task<int> DispatchAsync()
    {
        redis ??= await ConnectionMultiplexer.ConnectAsync(Servers.RedisConnectionString);
        await using var db = NewContext();
        var dispatcher = new ReminderDispatcher(db, new ChannelDelivery(db, new OutboxSmsSender(db, clock), new OutboxEmailSender(db, clock)), new RedisStreamLiveNotifier(redis, redisPrefix), clock);
        return await new DispatchDueReminders(dispatcher).RunAsync(Ct);
    }

    private async Task<(int Notifications, int Sms, long LiveEvents)> DeliveredAsync()
    {
        await using var db = NewContext();
        var notifications = await db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder, Ct);
        var sms = await db.Outbox.CountAsync(m => m.Recipient == "13800138000", Ct);
        return (notifications, sms, await redis!.GetDatabase().StreamLengthAsync(LiveEventStream.Key(redisPrefix)));
    }

    [Fact]
    public async Task Nothing_is_sent_before_it_is_due_and_the_day_before_reminder_comes_at_its_time()
    {
        await RegisteredCandidateAsync();
        var start = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

        clock.SetUtcNow(start.AddDays(-1).AddMinutes(-1));
        (await DispatchAsync()).ShouldBe(0);
        clock.SetUtcNow(start.AddDays(-1));
        (await DispatchAsync()).ShouldBe(1);
        (await DispatchAsync()).ShouldBe(0, "sent already");

        await using var db = NewContext();
        var notice = await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.Reminder, Ct);
        notice.Body.ShouldContain("11月28日 09:00");
    }

    [Fact]
    public async Task Four_dispatchers_at_once_send_each_due_reminder_exactly_once_on_every_channel()
    {
        await RegisteredCandidateAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero)); // the start: all three are due

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(DispatchAsync, Ct)));

        sent.Sum().ShouldBe(3);
        (await DeliveredAsync()).ShouldBe((3, 3, 3L), "in-app, SMS and the live push: three each");
        (await DispatchAsync()).ShouldBe(0, "a retry is harmless");
    }

    /// <summary>
    /// 170 more candidates, each with a phone of their own, register for the first candidate's fair: 513 reminders, more than
    /// one batch (500), all due at the start.
    /// </summary>
    private async Task BigFairAsync()
    {
        var (fairId, _) = await RegisteredCandidateAsync();
        await using var db = NewContext();
        for (var i = 0; i < 170; i++)
        {
            var candidate = new User { UserName = $"c{Guid.NewGuid():N}", DisplayName = $"求职者{i}", PhoneNumber = $"1391{i:0000000}", CreatedAt = clock.GetUtcNow() };
            db.Users.Add(candidate);
            var registration = FairRegistration.Create(candidate.Id, fairId, null, clock.GetUtcNow());
            db.FairRegistrations.Add(registration);
            db.Reminders.AddRange(Reminder.Plan(registration.Id, new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero), [1440, 60, 0],
                clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Every SMS in the outbox, and how many (recipient, text) pairs were written more than once.</summary>
    private async Task<(int Sms, int Twice)> AllSmsAsync()
    {
        await using var db = NewContext();
        var sms = await db.Outbox.Where(m => m.Channel == MessageChannel.Sms).Select(m => new { m.Recipient, m.Body }).ToListAsync(Ct);
        return (sms.Count, sms.GroupBy(m => m).Count(g => g.Count() > 1));
    }

    [Fact]
    public async Task One_run_sends_every_due_reminder_of_a_big_fair_not_only_a_first_batch()
    {
        await BigFairAsync();

        (await DispatchAsync()).ShouldBe(513, "one run, however many batches it takes");
        (await DeliveredAsync()).Notifications.ShouldBe(513);
        (await AllSmsAsync()).ShouldBe((513, 0));
        (await DispatchAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Two_dispatchers_racing_over_more_than_a_batch_send_each_reminder_once_on_every_channel()
    {
        await BigFairAsync();

        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(DispatchAsync, Ct)));

        sent.Sum().ShouldBe(513, "each reminder is won by one of them");
        var delivered = await DeliveredAsync();
        (delivered.Notifications, delivered.LiveEvents).ShouldBe((513, 513L), "one notification and one live push each");
        (await AllSmsAsync()).ShouldBe((513, 0), "one SMS each, none twice");
    }

    [Fact]
    public async Task A_fair_cancelled_before_its_reminders_were_cancelled_sends_none_while_the_rest_of_the_batch_goes_out()
    {
        var (fairId, registrationId) = await RegisteredCandidateAsync();
        Guid otherFairId;
        await using (var db = NewContext())
        {
            // The same candidate also registers for the next edition; then the first is cancelled, and the dispatcher runs
            // before ReminderSchedule.CancelAsync has cancelled its reminders.
            var candidateId = await db.FairRegistrations.Where(r => r.Id == registrationId).Select(r => r.CandidateId).SingleAsync(Ct);
            var fair = await db.Fairs.SingleAsync(f => f.Id == fairId, Ct);
            var other = await db.Fairs.Where(f => f.SeriesId == fair.SeriesId && f.StartsAt > fair.StartsAt).OrderBy(f => f.StartsAt).FirstAsync(Ct);
            otherFairId = other.Id;
            var registration = FairRegistration.Create(candidateId, other.Id, null, clock.GetUtcNow());
            db.FairRegistrations.Add(registration);
            await db.SaveChangesAsync(Ct);
            (await new ReminderSchedule(db, clock).ScheduleAsync(other.Id, registration.Id, Ct)).ShouldBe(3);
            fair.Cancel(clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero)); // both fairs' reminders are all due

        (await DispatchAsync()).ShouldBe(3, "the next edition's three");

        await using var check = NewContext();
        (await check.Reminders.Where(r => r.Registration!.FairId == fairId).Select(r => r.Status).ToListAsync(Ct))
            .ShouldAllBe(s => s == ReminderStatus.Cancelled);
        (await check.Reminders.Where(r => r.Registration!.FairId == otherFairId).Select(r => r.Status).ToListAsync(Ct))
            .ShouldAllBe(s => s == ReminderStatus.Sent);
        (await DeliveredAsync()).ShouldBe((3, 3, 3L));
    }

    [Fact]
    public async Task A_reminder_whose_dispatcher_died_is_sent_once_after_its_lease_and_the_others_meanwhile()
    {
        var (_, registrationId) = await RegisteredCandidateAsync();
        var start = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        clock.SetUtcNow(start);
        await using (var db = NewContext())
        {
            // A dispatcher claimed the day-before reminder a minute ago and died before its commit.
            var claimedAt = start.AddMinutes(-1);
            (await db.Reminders.Where(r => r.RegistrationId == registrationId && r.MinutesBefore == 1440)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, Guid.NewGuid()).SetProperty(r => r.ClaimedUntil, claimedAt + ReminderDispatcher.Lease)
                    .SetProperty(r => r.Attempts, 1), Ct)).ShouldBe(1);
        }

        (await DispatchAsync()).ShouldBe(2, "the hour-before and the start reminders; the claimed one is leased");
        clock.SetUtcNow(start.AddMinutes(4));
        (await DispatchAsync()).ShouldBe(0, "its lease lasts until now");
        clock.SetUtcNow(start.AddMinutes(4).AddSeconds(1));
        (await DispatchAsync()).ShouldBe(1, "its lease ran out");
        (await DispatchAsync()).ShouldBe(0);
        (await DeliveredAsync()).ShouldBe((3, 3, 3L));
    }

    [Fact]
    public async Task Moving_the_fair_moves_its_pending_reminders()
    {
        var (fairId, registrationId) = await RegisteredCandidateAsync();
        await using (var db = NewContext())
        {
            var fair = await db.Fairs.SingleAsync(f => f.Id == fairId, Ct);
            fair.Move(fair.StartsAt.AddHours(5), fair.EndsAt.AddHours(5), clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
            await new ReminderSchedule(db, clock).ScheduleAsync(fairId, null, Ct);
        }

        await using var check = NewContext();
        (await check.Reminders.Where(r => r.RegistrationId == registrationId).Select(r => r.DueAt).ToListAsync(Ct)).Order()
            .ShouldBe([new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero)]);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        (await DispatchAsync()).ShouldBe(1, "only the day-before reminder is due at the old start time");
    }

    [Fact]
    public async Task A_cancelled_fair_sends_no_reminders()
    {
        var (fairId, _) = await RegisteredCandidateAsync();
        await using (var db = NewContext())
        {
            var fair = await db.Fairs.SingleAsync(f => f.Id == fairId, Ct);
            fair.Cancel(clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
            (await new ReminderSchedule(db, clock).CancelAsync(fairId, Ct)).ShouldBe(3);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

        (await DispatchAsync()).ShouldBe(0);
        (await DeliveredAsync()).ShouldBe((0, 0, 0L));
    }
}

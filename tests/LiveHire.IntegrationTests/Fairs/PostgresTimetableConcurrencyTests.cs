using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Web.Features.Booths;
using LiveHire.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>
/// Slot booking on PostgreSQL (Distributed mode), where requests on different Web nodes race on separate connections under
/// read committed: the fair's timetable version still lets only one of them take a contested stage (ADR 0009). The
/// Embedded (SQLite) case is proved over HTTP in the end-to-end BoothsApiTests.
/// </summary>
public sealed class PostgresTimetableConcurrencyTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string? connectionString;

    private LiveHireDbContext NewContext() => new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
        .UseNpgsql(connectionString ?? throw new InvalidOperationException("The test database has not been created.")).Options);

    public async ValueTask InitializeAsync()
    {
        connectionString = await servers.CreatePostgresDatabaseAsync(Ct);
        await using var db = NewContext();
        await db.Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (connectionString is null) return;
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }

    /// <summary>A one-stage fair tomorrow with approved booths for <paramref name="employers"/> employers, each with one recruiter.</summary>
    private async Task<(Guid FairId, List<(Guid EmployerId, Guid RecruiterId)> Booths)> FairWithBoothsAsync(int employers)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = NewContext();
        var organizer = Organization.Create("九龙坡区就业服务中心", OrganizationKind.Organizer, "九龙坡区", now);
        var fair = Fair.Create(organizer.Id, "每周一聘", "", "九龙坡区", Tomorrow(now).AddHours(1), Tomorrow(now).AddHours(4), now).Value!;
        fair.SetTimetable(10, stages: 1, 30, 0, 0);
        db.AddRange(organizer, fair);
        var booths = new List<(Guid, Guid)>();
        for (var i = 0; i < employers; i++)
        {
            var employer = Organization.Create($"企业{i}", OrganizationKind.Employer, "九龙坡区", now);
            var recruiter = new User { Id = Guid.CreateVersion7(), UserName = $"r{i}@test", DisplayName = $"招聘{i}", OrganizationId = employer.Id, CreatedAt = now };
            db.AddRange(employer, recruiter);
            var booth = Booth.Apply(fair, employer, recruiter.Id, now).Value!;
            booth.Approve(fair, employer, i, recruiter.Id, now).IsSuccess.ShouldBeTrue();
            db.Add(booth);
            booths.Add((employer.Id, recruiter.Id));
        }
        await db.SaveChangesAsync(Ct);
        return (fair.Id, booths);
    }

    private static DateTimeOffset Tomorrow(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);

    private async Task<Result<SessionSummary>> BookAsync(Guid fairId, (Guid EmployerId, Guid RecruiterId) booth, DateTimeOffset start, int minutes)
    {
        await using var db = NewContext();
        return await new BookSlot.Handler(db, TimeProvider.System).Handle(
            new BookSlot.Command(fairId, booth.EmployerId, booth.RecruiterId, new BookSlot.Request("直播带岗", start, start.AddMinutes(minutes))), Ct);
    }

    [Fact]
    public async Task Of_many_bookings_racing_for_one_stage_exactly_one_is_saved()
    {
        var (fairId, booths) = await FairWithBoothsAsync(4);
        DateTimeOffset starts;
        await using (var db = NewContext()) starts = (await db.Fairs.SingleAsync(f => f.Id == fairId, Ct)).StartsAt;

        // Three slots that all share 10:30-11:00 (Beijing), asked for by four employers twice each, all at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => BookAsync(fairId, booths[i % 4], starts.AddMinutes(30 * (1 + i % 3)), 90))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Error!.Code == "conflict.slot.stages_full" || r.Error.Code == "conflict.slot.overlap");
        await using var check = NewContext();
        (await check.LiveSessions.CountAsync(s => s.FairId == fairId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task One_booths_racing_bookings_never_overlap_even_on_a_fair_with_room_on_other_stages()
    {
        var (fairId, booths) = await FairWithBoothsAsync(1);
        await using (var db = NewContext())
        {
            var fair = await db.Fairs.SingleAsync(f => f.Id == fairId, Ct);
            fair.SetTimetable(10, stages: 5, 30, 1, 0).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }
        DateTimeOffset starts;
        await using (var db = NewContext()) starts = (await db.Fairs.SingleAsync(f => f.Id == fairId, Ct)).StartsAt;

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => BookAsync(fairId, booths[0], starts.AddMinutes(30 * (i % 2)), 60))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Error!.Code == "conflict.slot.overlap");
    }
}

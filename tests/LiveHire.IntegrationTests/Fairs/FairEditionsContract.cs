using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>
/// The edition generator as Hangfire runs it (the Workers job class), on a real migrated database of each provider:
/// once per series and date however often, and however many Workers run it at once.
/// </summary>
public abstract class FairEditionsContract : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    public async ValueTask DisposeAsync() => await DeleteDatabaseAsync();

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
}

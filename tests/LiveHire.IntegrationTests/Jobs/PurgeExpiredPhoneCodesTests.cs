using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Jobs;

/// <summary>The retention job, called as Hangfire calls it, on a real migrated database.</summary>
public sealed class PurgeExpiredPhoneCodesTests : IAsyncLifetime
{
    private readonly string directory = TestTempDirectory.Create("purge");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    private LiveHireDbContext NewContext() => new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>()
        .UseSqlite($"Data Source={Path.Combine(directory, "livehire.db")};Pooling=False").Options);

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Codes_expired_over_a_day_ago_are_deleted_and_a_second_run_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = clock.GetUtcNow();
        await using (var db = NewContext())
        {
            db.PhoneVerifications.AddRange(
                PhoneVerification.Issue("13800000001", "111111", now.AddDays(-3)),   // long expired
                PhoneVerification.Issue("13800000002", "222222", now.AddHours(-2)),  // expired, but within the day kept for support
                PhoneVerification.Issue("13800000003", "333333", now));              // still usable
            await db.SaveChangesAsync(ct);
        }

        await using (var db = NewContext())
            (await new PurgeExpiredPhoneCodes(db, clock).RunAsync(ct)).ShouldBe(1);
        await using (var db = NewContext())
            (await new PurgeExpiredPhoneCodes(db, clock).RunAsync(ct)).ShouldBe(0, "a retry is harmless");

        await using var check = NewContext();
        (await check.PhoneVerifications.Select(p => p.PhoneNumber).OrderBy(p => p).ToListAsync(ct)).ShouldBe(["13800000002", "13800000003"]);
    }

    public ValueTask DisposeAsync()
    {
        TestTempDirectory.Delete(directory);
        return ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Web.Features.Search;

namespace LiveHire.IntegrationTests.Search;

/// <summary>
/// Search over 100,000 jobs: still correct, and how long the common searches take (written to the test output; the
/// benchmark in bench/ tracks the figures). Slow to seed, so it carries the Scale trait and can be left out.
/// </summary>
[Trait("Category", "Scale")]
public abstract class JobSearchScaleContract(TestDatabase database) : IAsyncLifetime
{
    public const int Jobs = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.CreateMigratedAsync(Ct);
        await using var db = database.NewContext();
        var started = Stopwatch.StartNew();
        await JobSeeder.SeedAsync(db, Jobs, Now, ct: Ct);
        TestContext.Current.TestOutputHelper!.WriteLine($"Seeded {Jobs} jobs in {started.Elapsed.TotalSeconds:F1} s");
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Searches_over_100000_jobs_rank_correctly_and_report_their_time()
    {
        var home = new Place("九龙坡区", "九龙第3街道", "九龙第3街道5社区", 29.50, 106.51);
        var searches = new (string Name, SearchJobs.Filter Filter)[]
        {
            ("near home, no filter", new(null, null, null, null, null)),
            ("keyword 包装", new("包装", null, null, null, null)),
            ("keyword forklift", new("forklift", null, null, null, null)),
            ("gig or piecework, >= 4000/month", new(null, "Gig,Piecework", 4000, "Month", null)),
            ("mothers, page 3", new(null, null, null, null, "Mothers", 3)),
        };
        foreach (var (name, filter) in searches)
        {
            var times = new List<double>();
            SearchJobs.SearchResult? result = null;
            for (var run = 0; run < 6; run++)
            {
                await using var db = database.NewContext();
                var watch = Stopwatch.StartNew();
                result = await new SearchJobs.Handler(db).Handle(new SearchJobs.Query(filter, home), Ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var warm = times.Skip(1).Order().ToList();
            TestContext.Current.TestOutputHelper!.WriteLine($"{GetType().Name} {name}: median {warm[warm.Count / 2]:F1} ms, max {warm[^1]:F1} ms, {result!.Jobs.Count} hits");
            result.Jobs.Count.ShouldBe(SearchJobs.PageSize, name);
            var tiers = result.Jobs.Select(j => Enum.Parse<Nearness>(j.Nearness)).ToList();
            tiers.ShouldBe(tiers.Order().ToList(), $"{name}: nearness never goes back up");
        }
    }
}

public sealed class SqliteJobSearchScaleTests() : JobSearchScaleContract(new SqliteTestDatabase());

public sealed class PostgresJobSearchScaleTests(TestServers servers) : JobSearchScaleContract(new PostgresTestDatabase(servers));

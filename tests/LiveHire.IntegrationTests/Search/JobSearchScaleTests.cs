using System.Diagnostics;
using LiveHire.Core.Domain;
using LiveHire.Testing;
using LiveHire.Web.Features.Search;

namespace LiveHire.IntegrationTests.Search;

/// <summary>
/// Search over many jobs stays correct: a full page, nearness never going back up. How long it takes over 100,000 jobs is
/// the benchmark's (bench/, scenario 8), beside its baseline; a test only checks what a user would notice as wrong.
/// </summary>
[Trait("Category", "Scale")]
public abstract class JobSearchScaleContract(TestDatabase database) : IAsyncLifetime
{
    public const int Jobs = 20_000;
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
    public async Task Searches_over_twenty_thousand_jobs_fill_a_page_and_never_rank_a_farther_tier_first()
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
            await using var db = database.NewContext();
            var result = await new SearchJobs.Handler(db).Handle(new SearchJobs.Query(filter, home), Ct);
            result.Jobs.Count.ShouldBe(SearchJobs.PageSize, name);
            var tiers = result.Jobs.Select(j => Enum.Parse<Nearness>(j.Nearness)).ToList();
            tiers.ShouldBe(tiers.Order().ToList(), $"{name}: nearness never goes back up");
        }
    }

    [Fact]
    public async Task The_deepest_page_is_full_and_says_it_is_the_last()
    {
        var home = new Place("九龙坡区", "九龙第3街道", "九龙第3街道5社区", 29.50, 106.51);
        async Task<SearchJobs.SearchResult> PageAsync(int page)
        {
            await using var db = database.NewContext();
            return await new SearchJobs.Handler(db).Handle(new SearchJobs.Query(new(null, null, null, null, null, page), home), Ct);
        }

        var before = await PageAsync(SearchJobs.MaxPage - 1);
        before.HasMore.ShouldBeTrue();
        var last = await PageAsync(SearchJobs.MaxPage);
        last.Jobs.Count.ShouldBe(SearchJobs.PageSize);
        last.HasMore.ShouldBeFalse("a next-page link there would lead to the same page again (the API refuses a deeper one)");
        last.Jobs.Select(j => j.Id).ShouldNotContain(id => before.Jobs.Any(b => b.Id == id));
    }
}

public sealed class SqliteJobSearchScaleTests() : JobSearchScaleContract(new SqliteTestDatabase());

public sealed class PostgresJobSearchScaleTests(TestServers servers) : JobSearchScaleContract(new PostgresTestDatabase(servers));

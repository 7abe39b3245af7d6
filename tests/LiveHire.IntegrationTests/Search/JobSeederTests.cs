using LiveHire.Core.Domain;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LiveHire.IntegrationTests.Search;

/// <summary>
/// The seeder the search scale tests and the benchmark stand on writes exactly the jobs it builds: on PostgreSQL through a
/// binary COPY of its own (<see cref="PostgresCopy"/>), elsewhere through SaveChanges. Every mapped column is read back
/// through EF and compared with the built entity, so a column the COPY left out or wrote wrongly fails here.
/// </summary>
public abstract class JobSeederContract(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => database.CreateMigratedAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Seeded_jobs_read_back_with_every_column_as_built()
    {
        const int count = 2_500;
        Guid employerId;
        await using (var db = database.NewContext())
            employerId = (await JobSeeder.SeedAsync(db, count, Now, seed: 7, ct: Ct)).Id;

        var built = JobSeeder.Jobs(employerId, count, Now, seed: 7).ToList();
        await using var read = database.NewContext();
        var stored = await read.Jobs.AsNoTracking().Where(j => j.EmployerId == employerId).ToListAsync(Ct);
        stored.Count.ShouldBe(count);
        stored.Select(j => j.Id).Distinct().Count().ShouldBe(count);
        // Built twice, the jobs differ only in their ids (version 7: a random part); CreatedAt is one second apart for each.
        var byCreated = stored.OrderByDescending(j => j.CreatedAt).ToList();
        var columns = Properties(read.Model.FindEntityType(typeof(Job))!).Where(p => !p.IsPrimaryKey()).ToList();
        columns.Select(p => p.Name).ShouldContain(nameof(Location.Community));
        columns.Select(p => p.Name).ShouldContain(nameof(Job.SearchText));
        for (var i = 0; i < count; i++)
        {
            foreach (var column in columns)
            {
                var getter = column.GetGetter();
                getter.GetClrValueUsingContainingEntity(byCreated[i]).ShouldBe(getter.GetClrValueUsingContainingEntity(built[i]), $"job {i}, {column.Name}");
            }
        }
        byCreated.Count(j => j.Location.Latitude is null).ShouldBeInRange(count / 10, count * 3 / 10);
    }

    // Enumerated here rather than taken from PostgresCopy, so that a property the COPY leaves out is still compared.
    private static IEnumerable<IProperty> Properties(ITypeBase type) =>
        type.GetProperties().Concat(type.GetComplexProperties().SelectMany(c => Properties(c.ComplexType)));
}

public sealed class SqliteJobSeederTests() : JobSeederContract(new SqliteTestDatabase());

public sealed class PostgresJobSeederTests(TestServers servers) : JobSeederContract(new PostgresTestDatabase(servers));

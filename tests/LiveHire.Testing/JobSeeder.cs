using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Testing;

/// <summary>
/// Fills a database with many plausible jobs around Chongqing (seeded random, so every run is the same): districts,
/// streets and communities from a fixed list, points scattered over the city, Chinese titles with a few English ones.
/// For the search scale tests and the benchmark (bench/LiveHire.Bench, the search scenario).
/// </summary>
public static class JobSeeder
{
    private static readonly string[] Districts = ["九龙坡区", "沙坪坝区", "渝中区", "江北区", "南岸区", "渝北区", "巴南区", "北碚区", "大渡口区"];
    private static readonly string[] Titles =
    [
        "食品包装工", "快递分拣员", "货车司机（C1）", "门店营业员", "保洁员", "小区保安", "电焊工", "数控车床操作工", "仓库管理员", "外卖骑手",
        "家政服务员", "收银员", "厨师助理", "服装缝纫工", "手工串签（居家计件）", "客服专员", "Forklift Driver", "English Tutor", "水电维修工", "育婴师",
    ];

    /// <summary>
    /// Adds the employer through EF, then <paramref name="count"/> jobs built by <see cref="Jobs"/>: on PostgreSQL in one binary
    /// COPY (<see cref="PostgresCopy"/>: 100,000 jobs through SaveChanges took 26-44 s of the benchmark's set-up), elsewhere
    /// through SaveChanges in batches.
    /// </summary>
    public static async Task<Organization> SeedAsync(LiveHireDbContext db, int count, DateTimeOffset now, int seed = 20261125, CancellationToken ct = default)
    {
        var employer = Organization.Create("压测用人单位", OrganizationKind.Employer, "九龙坡区", now);
        db.Organizations.Add(employer);
        await db.SaveChangesAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await PostgresCopy.WriteAsync(db, Jobs(employer.Id, count, now, seed), ct);
            return employer;
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in Jobs(employer.Id, count, now, seed).Chunk(2000))
        {
            db.Jobs.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return employer;
    }

    /// <summary>The jobs <see cref="SeedAsync"/> writes, through <see cref="Job.Create"/>: the same ones for the same seed.</summary>
    public static IEnumerable<Job> Jobs(Guid employerId, int count, DateTimeOffset now, int seed = 20261125)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var district = Districts[random.Next(Districts.Length)];
            var street = $"{district[..2]}第{random.Next(1, 13)}街道";
            var community = $"{street}{random.Next(1, 9)}社区";
            var title = Titles[random.Next(Titles.Length)];
            var unit = (PayUnit)random.Next(1, 5);
            var (min, spread) = unit switch
            {
                PayUnit.Month => (3000m + random.Next(0, 40) * 100, random.Next(0, 40) * 100m),
                PayUnit.Day => (120m + random.Next(0, 10) * 10, random.Next(0, 20) * 10m),
                PayUnit.Hour => (18m + random.Next(0, 5), random.Next(0, 20)),
                _ => (0.2m, random.Next(0, 10) / 10m),
            };
            var max = min + spread;
            var point = random.Next(10) < 8;
            var location = Location.Create(district, street, community,
                point ? Math.Round(29.40 + random.NextDouble() * 0.35, 5) : null, point ? Math.Round(106.35 + random.NextDouble() * 0.35, 5) : null);
            var job = Job.Create(employerId, title, $"{title}，{district}{street}，有意者请投递简历。", min, max, unit, "8:00-17:00",
                (JobType)random.Next(1, 6), location, (Benefits)random.Next(0, 64), random.Next(1, 30), now.AddSeconds(-i)).Value!;
            job.SetGroups((SuitableGroups)random.Next(0, 64));
            yield return job;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LiveHire.Core.Data;

/// <summary>Embedded mode: a SQLite file. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteLiveHireDbContext(DbContextOptions<SqliteLiveHireDbContext> options) : LiveHireDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no DateTimeOffset type and cannot order or compare the text form;
        // stored as UTC ticks, instants sort and filter correctly.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>Distributed mode: PostgreSQL. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresLiveHireDbContext(DbContextOptions<PostgresLiveHireDbContext> options) : LiveHireDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Keyword search is LIKE '%folded%' on both providers (ADR 0007); here a trigram index serves it.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<LiveHire.Core.Domain.Job>().HasIndex(j => j.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Npgsql refuses a DateTimeOffset whose offset is not zero, in a row or a query parameter (a day's bounds in
        // Beijing time), where SQLite accepts it; normalizing to UTC keeps the instant and makes both providers agree.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLiveHireDbContext>
{
    public SqliteLiveHireDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLiveHireDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLiveHireDbContext>
{
    public PostgresLiveHireDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLiveHireDbContext>().UseNpgsql("Host=localhost").Options);
}

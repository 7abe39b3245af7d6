using System.Text.Json;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class CandidateProfileConfiguration : IEntityTypeConfiguration<CandidateProfile>
{
    public void Configure(EntityTypeBuilder<CandidateProfile> p)
    {
        p.HasKey(x => x.UserId);
        p.HasOne<User>().WithOne().HasForeignKey<CandidateProfile>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.Property(x => x.FullName).HasMaxLength(CandidateProfile.NameMaxLength);
        p.Property(x => x.Summary).HasMaxLength(CandidateProfile.SummaryMaxLength);
        p.Property(x => x.WantedPayMin).HasPrecision(12, 2);
        p.Property(x => x.Education).AsJson();
        p.Property(x => x.Experience).AsJson();
        p.Property(x => x.Skills).AsJson();
        p.Property(x => x.WantedTitles).AsJson();
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> r)
    {
        r.HasOne<User>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Job).WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.MadeById).OnDelete(DeleteBehavior.SetNull);
        r.Property(x => x.CandidateDistrict).HasMaxLength(Location.PartMaxLength);
        r.Property(x => x.Reasons).AsJson();
        // A candidate's recent recommendations (the repeat window) and the organizers' report by date.
        r.HasIndex(x => new { x.CandidateId, x.MadeAt });
        r.HasIndex(x => x.MadeAt);
    }
}

internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A small immutable list kept as JSON text: the same column type and behaviour on SQLite and PostgreSQL, where
    /// provider-native JSON and array mappings differ. The list is replaced, never changed in place, so comparing the
    /// JSON is enough for change tracking.
    /// </summary>
    public static PropertyBuilder<IReadOnlyList<T>> AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                    v => v))
            .HasMaxLength(8000);
}

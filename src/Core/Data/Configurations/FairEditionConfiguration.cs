using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

/// <summary>The edition side of <see cref="Fair"/> (the rest of its mapping predates this folder and sits in the context).</summary>
internal sealed class FairEditionConfiguration : IEntityTypeConfiguration<Fair>
{
    public void Configure(EntityTypeBuilder<Fair> f)
    {
        f.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        // The database, not the generator, guarantees one edition per series and date: two Workers or a retry insert it once.
        f.HasIndex(x => new { x.SeriesId, x.OccurrenceDate }).IsUnique();
    }
}

using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> r)
    {
        r.HasOne<LiveSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        // The database, not the archiver, guarantees one recording per session, also when two requests race.
        r.HasIndex(x => x.SessionId).IsUnique();
        r.HasIndex(x => new { x.State, x.RequestedAt });
        r.Property(x => x.BlobKey).HasMaxLength(300);
        r.Property(x => x.FailureReason).HasMaxLength(Recording.ReasonMaxLength);
        r.Property(x => x.State).HasConversion<int>();
        r.Property(x => x.Version).IsConcurrencyToken();
    }
}

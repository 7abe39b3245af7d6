using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class StreamKeyConfiguration : IEntityTypeConfiguration<StreamKey>
{
    public void Configure(EntityTypeBuilder<StreamKey> builder)
    {
        builder.HasKey(x => x.SessionId);
        builder.Property(x => x.KeyHash).HasMaxLength(64);
        // The RTMP callback finds the session by the key's hash alone.
        builder.HasIndex(x => x.KeyHash).IsUnique();
        builder.HasOne<LiveSession>().WithOne().HasForeignKey<StreamKey>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(x => x.IssuedById).OnDelete(DeleteBehavior.Restrict);
    }
}

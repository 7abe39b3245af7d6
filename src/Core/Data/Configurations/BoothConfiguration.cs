using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class BoothConfiguration : IEntityTypeConfiguration<Booth>
{
    public void Configure(EntityTypeBuilder<Booth> b)
    {
        b.Property(x => x.DeclineReason).HasMaxLength(Booth.ReasonMaxLength);
        b.HasOne<Fair>().WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.AppliedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        // The database, not the handler, keeps one booth per employer and fair (double taps, two recruiters at once).
        b.HasIndex(x => new { x.FairId, x.EmployerId }).IsUnique();
    }
}

using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class FairRegistrationConfiguration : IEntityTypeConfiguration<FairRegistration>
{
    public void Configure(EntityTypeBuilder<FairRegistration> r)
    {
        r.Property(x => x.Scope).HasMaxLength(32);
        r.HasOne(x => x.Fair).WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.CandidateId, x.FairId, x.Scope }).IsUnique();
    }
}

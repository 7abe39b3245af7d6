using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class FairSeriesConfiguration : IEntityTypeConfiguration<FairSeries>
{
    public void Configure(EntityTypeBuilder<FairSeries> s)
    {
        s.Property(x => x.Title).HasMaxLength(FairSeries.TitleMaxLength);
        s.Property(x => x.Description).HasMaxLength(4000);
        s.Property(x => x.TimeZoneId).HasMaxLength(64);
        s.Ignore(x => x.Recurrence);
        s.Ignore(x => x.TimeZone);
        s.HasOne(x => x.Organizer).WithMany().HasForeignKey(x => x.OrganizerId).OnDelete(DeleteBehavior.Restrict);
    }
}

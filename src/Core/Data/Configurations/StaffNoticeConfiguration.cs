using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class StaffNoticeConfiguration : IEntityTypeConfiguration<StaffNotice>
{
    public void Configure(EntityTypeBuilder<StaffNotice> n)
    {
        // One go-live reminder per session and day, one digest per organizer and local day, whoever plans it first.
        n.HasIndex(x => new { x.Kind, x.SubjectId, x.OnDate }).IsUnique();
        n.HasIndex(x => new { x.Status, x.DueAt });
    }
}

using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> r)
    {
        r.HasOne(x => x.Registration).WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // The database, not the scheduler, guarantees one reminder per registration, kind and due time.
        r.HasIndex(x => new { x.RegistrationId, x.MinutesBefore, x.DueAt }).IsUnique();
        r.HasIndex(x => new { x.Status, x.DueAt });
    }
}

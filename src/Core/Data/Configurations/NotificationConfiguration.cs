using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength);
        n.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength);
        n.Property(x => x.Link).HasMaxLength(300);
        n.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}

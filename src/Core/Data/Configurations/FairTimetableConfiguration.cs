using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

/// <summary>The timetable side of <see cref="Fair"/>: its version guards booking and approving against a concurrent twin (ADR 0009).</summary>
internal sealed class FairTimetableConfiguration : IEntityTypeConfiguration<Fair>
{
    public void Configure(EntityTypeBuilder<Fair> f)
    {
        f.Property(x => x.TimetableVersion).IsConcurrencyToken();
        // Fairs made before booths existed get the same settings as a new one.
        f.Property(x => x.BoothCapacity).HasDefaultValue(Fair.DefaultBoothCapacity);
        f.Property(x => x.Stages).HasDefaultValue(1);
        f.Property(x => x.SlotMinutes).HasDefaultValue(30);
    }
}

using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

/// <summary>The timetable side of <see cref="Fair"/>: its version guards booking and approving against a concurrent twin (ADR 0009).</summary>
internal sealed class FairTimetableConfiguration : IEntityTypeConfiguration<Fair>
{
    public void Configure(EntityTypeBuilder<Fair> f) => f.Property(x => x.TimetableVersion).IsConcurrencyToken();
}

using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveHire.Core.Data.Configurations;

/// <summary>What 家门口 search adds to the job mapping (the rest is in LiveHireDbContext). PostgreSQL's trigram index: ProviderContexts.</summary>
internal sealed class JobSearchConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> j)
    {
        j.Property(x => x.SearchText).HasMaxLength(Job.SearchTextMaxLength);
        j.Property(x => x.MonthlyPayMax).HasPrecision(12, 2);
        j.HasIndex(x => new { x.Status, x.Type });
    }
}

internal sealed class CandidateHomeConfiguration : IEntityTypeConfiguration<CandidateHome>
{
    public void Configure(EntityTypeBuilder<CandidateHome> h)
    {
        h.HasKey(x => x.UserId);
        h.Property(x => x.District).HasMaxLength(Location.PartMaxLength);
        h.Property(x => x.Street).HasMaxLength(Location.PartMaxLength);
        h.Property(x => x.Community).HasMaxLength(Location.PartMaxLength);
        h.HasOne<User>().WithOne().HasForeignKey<CandidateHome>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationHiringConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> a)
    {
        a.Property(x => x.StatusReason).HasMaxLength(JobApplication.ReasonMaxLength);
        a.Ignore(x => x.IsFinal);
        a.HasIndex(x => new { x.CandidateId, x.Status });
    }
}

internal sealed class ApplicationNoteConfiguration : IEntityTypeConfiguration<ApplicationNote>
{
    public void Configure(EntityTypeBuilder<ApplicationNote> n)
    {
        n.Property(x => x.Text).HasMaxLength(ApplicationNote.TextMaxLength);
        n.Property(x => x.AuthorName).HasMaxLength(User.DisplayNameMaxLength);
        n.HasOne<JobApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        n.HasIndex(x => new { x.ApplicationId, x.CreatedAt });
    }
}

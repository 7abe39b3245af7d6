using LiveHire.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Core.Data;

/// <summary>
/// The one model. Provider-specific subclasses (<see cref="SqliteLiveHireDbContext"/>, <see cref="PostgresLiveHireDbContext"/>)
/// exist only so that each provider keeps its own migration set; code depends on this type.
/// </summary>
public abstract class LiveHireDbContext(DbContextOptions options)
    : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Fair> Fairs => Set<Fair>();
    public DbSet<FairSeries> FairSeries => Set<FairSeries>();
    public DbSet<FairRegistration> FairRegistrations => Set<FairRegistration>();
    public DbSet<Booth> Booths => Set<Booth>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<SessionJob> SessionJobs => Set<SessionJob>();
    public DbSet<SessionBan> SessionBans => Set<SessionBan>();
    public DbSet<StreamKey> StreamKeys => Set<StreamKey>();
    public DbSet<Resume> Resumes => Set<Resume>();
    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<CandidateHome> CandidateHomes => Set<CandidateHome>();
    public DbSet<CandidateProfile> CandidateProfiles => Set<CandidateProfile>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<ApplicationNote> ApplicationNotes => Set<ApplicationNote>();
    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<StaffNotice> StaffNotices => Set<StaffNotice>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Newer areas (video, fairs, hiring) keep their mapping beside each other in Data/Configurations, one class per entity.
        builder.ApplyConfigurationsFromAssembly(typeof(LiveHireDbContext).Assembly);

        builder.Entity<User>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(User.DisplayNameMaxLength);
            u.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            u.HasIndex(x => x.PhoneNumber).IsUnique();
            // Existing people keep getting SMS; the sentinel (never a real value) makes EF always write the chosen channels,
            // even "none", instead of leaving a new row to the column default.
            u.Property(x => x.Channels).HasDefaultValue(User.DefaultChannels).HasSentinel((MessageChannels)(-1));
        });

        builder.Entity<Organization>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(Organization.NameMaxLength);
            o.Property(x => x.District).HasMaxLength(Location.PartMaxLength);
        });

        builder.Entity<Job>(j =>
        {
            j.Property(x => x.Title).HasMaxLength(Job.TitleMaxLength);
            j.Property(x => x.Description).HasMaxLength(Job.DescriptionMaxLength);
            j.Property(x => x.Hours).HasMaxLength(80);
            j.Property(x => x.PayMin).HasPrecision(12, 2);
            j.Property(x => x.PayMax).HasPrecision(12, 2);
            j.ComplexProperty(x => x.Location, l =>
            {
                l.Property(p => p.District).HasMaxLength(Location.PartMaxLength).HasColumnName("District");
                l.Property(p => p.Street).HasMaxLength(Location.PartMaxLength).HasColumnName("Street");
                l.Property(p => p.Community).HasMaxLength(Location.PartMaxLength).HasColumnName("Community");
                l.Property(p => p.Latitude).HasColumnName("Latitude");
                l.Property(p => p.Longitude).HasColumnName("Longitude");
            });
            j.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            j.HasIndex(x => new { x.EmployerId, x.Status });
        });

        builder.Entity<Fair>(f =>
        {
            f.Property(x => x.Title).HasMaxLength(Fair.TitleMaxLength);
            f.Property(x => x.Description).HasMaxLength(4000);
            f.Property(x => x.District).HasMaxLength(Location.PartMaxLength);
            f.Property(x => x.TimeZoneId).HasMaxLength(64);
            f.HasOne(x => x.Organizer).WithMany().HasForeignKey(x => x.OrganizerId).OnDelete(DeleteBehavior.Restrict);
            f.HasIndex(x => x.StartsAt);
        });

        builder.Entity<LiveSession>(s =>
        {
            s.Property(x => x.Title).HasMaxLength(LiveSession.TitleMaxLength);
            s.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne(x => x.Fair).WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne<User>().WithMany().HasForeignKey(x => x.ScheduledById).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.ScheduledStart);
            s.HasOne<Job>().WithMany().HasForeignKey(x => x.CurrentJobId).OnDelete(DeleteBehavior.SetNull);
            s.HasMany(x => x.Lineup).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Lineup).HasField("lineup").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<SessionJob>(j =>
        {
            j.HasKey(x => new { x.SessionId, x.JobId });
            j.HasOne(x => x.Job).WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SessionBan>(b =>
        {
            b.HasKey(x => new { x.SessionId, x.UserId });
            b.HasOne<LiveSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Question>(q =>
        {
            q.Property(x => x.Text).HasMaxLength(Question.TextMaxLength);
            q.Property(x => x.Answer).HasMaxLength(Question.AnswerMaxLength);
            q.Ignore(x => x.IsAnswered);
            q.HasOne<LiveSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            q.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
            q.HasIndex(x => new { x.SessionId, x.CreatedAt });
        });

        builder.Entity<Resume>(r =>
        {
            r.Property(x => x.FileName).HasMaxLength(Resume.FileNameMaxLength);
            r.Property(x => x.ContentType).HasMaxLength(100);
            r.Property(x => x.BlobKey).HasMaxLength(300);
            r.HasOne<User>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<JobApplication>(a =>
        {
            a.HasOne(x => x.Job).WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne(x => x.Candidate).WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne(x => x.Resume).WithMany().HasForeignKey(x => x.ResumeId).OnDelete(DeleteBehavior.SetNull);
            a.HasOne<LiveSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.SetNull);
            // The database, not the handler, guarantees one application per candidate and job (retries, double taps).
            a.HasIndex(x => new { x.JobId, x.CandidateId }).IsUnique();
        });

        builder.Entity<PhoneVerification>(p =>
        {
            p.Property(x => x.PhoneNumber).HasMaxLength(20);
            p.Property(x => x.CodeHash).HasMaxLength(64);
            p.HasIndex(x => new { x.PhoneNumber, x.CreatedAt });
        });

        builder.Entity<OutboxMessage>(o =>
        {
            o.Property(x => x.Recipient).HasMaxLength(256);
            o.Property(x => x.Subject).HasMaxLength(200);
            o.Property(x => x.Body).HasMaxLength(8000);
            o.HasIndex(x => x.CreatedAt);
        });
    }
}

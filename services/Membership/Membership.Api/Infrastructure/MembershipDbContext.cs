using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Infrastructure;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationMove> OrganisationMoves => Set<OrganisationMove>();

    public DbSet<CommitteePost> CommitteePosts => Set<CommitteePost>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Applicant> Applicants => Set<Applicant>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<ServicePost> ServicePosts => Set<ServicePost>();

    public DbSet<ServicePostClaim> ServicePostClaims => Set<ServicePostClaim>();

    public DbSet<ServicePostReport> ServicePostReports => Set<ServicePostReport>();

    public DbSet<Talk> Talks => Set<Talk>();

    public DbSet<RectificationItem> RectificationItems => Set<RectificationItem>();

    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddAuditTrail();
        modelBuilder.AddIdempotentRequests();
        modelBuilder.SealPersonalData(this);
    }
}

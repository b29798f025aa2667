using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Infrastructure;

public sealed class VolunteerDbContext(DbContextOptions<VolunteerDbContext> options) : DbContext(options)
{
    public DbSet<VolunteerProfile> Volunteers => Set<VolunteerProfile>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMembers => Set<TeamMembership>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Signup> Signups => Set<Signup>();

    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    public DbSet<PatrolObservation> Observations => Set<PatrolObservation>();

    public DbSet<HoursCertificate> Certificates => Set<HoursCertificate>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteerDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddKnownGrids();
        modelBuilder.AddIdempotentRequests();
        modelBuilder.SealPersonalData(this);
    }
}

using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Infrastructure;

public sealed class GridDbContext(DbContextOptions<GridDbContext> options) : DbContext(options)
{
    public DbSet<GridArea> Grids => Set<GridArea>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<BuildingUnit> Units => Set<BuildingUnit>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<PartnerUnit> PartnerUnits => Set<PartnerUnit>();

    public DbSet<Matter> Matters => Set<Matter>();

    public DbSet<MatterTimelineEntry> MatterTimeline => Set<MatterTimelineEntry>();

    public DbSet<DeliberationSession> DeliberationSessions => Set<DeliberationSession>();

    public DbSet<BuildingVote> BuildingVotes => Set<BuildingVote>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<MicroWish> MicroWishes => Set<MicroWish>();

    public DbSet<CommunityNeed> CommunityNeeds => Set<CommunityNeed>();

    public DbSet<MemberOffer> MemberOffers => Set<MemberOffer>();

    public DbSet<CarePerson> CarePeople => Set<CarePerson>();

    public DbSet<CareVisit> CareVisits => Set<CareVisit>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GridDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddAuditTrail();
        modelBuilder.AddIdempotentRequests();
        modelBuilder.SealPersonalData(this);
    }
}

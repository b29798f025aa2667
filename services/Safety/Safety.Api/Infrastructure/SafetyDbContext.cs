using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.ReferenceData;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Infrastructure;

public sealed class SafetyDbContext(DbContextOptions<SafetyDbContext> options) : DbContext(options)
{
    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<ChecklistTemplate> Checklists => Set<ChecklistTemplate>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<Hazard> Hazards => Set<Hazard>();

    public DbSet<PatrolPlan> PatrolPlans => Set<PatrolPlan>();

    public DbSet<Patrol> Patrols => Set<Patrol>();

    public DbSet<QuotaJudgement> QuotaJudgements => Set<QuotaJudgement>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<InspectionTask> InspectionTasks => Set<InspectionTask>();

    public DbSet<KnownGrid> Grids => Set<KnownGrid>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SafetyDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddKnownGrids();
        modelBuilder.AddIdempotentRequests();
        modelBuilder.SealPersonalData(this);
    }
}

using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.Reporting.Domain;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<ReportSnapshot> Snapshots => Set<ReportSnapshot>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotentRequests();
    }
}

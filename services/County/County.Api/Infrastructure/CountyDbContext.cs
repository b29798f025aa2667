using CommunityPlatform.County.Domain;
using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.County.Infrastructure;

public sealed class CountyDbContext(DbContextOptions<CountyDbContext> options) : DbContext(options)
{
    public DbSet<CountyCase> Cases => Set<CountyCase>();

    public DbSet<FeedEvent> FeedEvents => Set<FeedEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CountyDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotentRequests();
    }
}

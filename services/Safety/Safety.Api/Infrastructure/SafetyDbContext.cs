using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.Safety.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Infrastructure;

public sealed class SafetyDbContext(DbContextOptions<SafetyDbContext> options) : DbContext(options)
{
    public DbSet<Venue> Venues => Set<Venue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Venue>(venue =>
        {
            venue.HasKey(v => v.Id);
            venue.Property(v => v.Name).HasMaxLength(100);
            venue.Property(v => v.Kind).HasConversion<string>().HasMaxLength(30);
            venue.Property(v => v.GridCode).HasMaxLength(20);
            venue.Property(v => v.Address).HasMaxLength(200);
            venue.HasIndex(v => new { v.GridCode, v.Kind });
        });

        modelBuilder.AddMessagingTables();
    }
}

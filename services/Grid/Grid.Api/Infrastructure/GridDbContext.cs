using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Infrastructure;

public sealed class GridDbContext(DbContextOptions<GridDbContext> options) : DbContext(options)
{
    public DbSet<GridArea> Grids => Set<GridArea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GridArea>(grid =>
        {
            grid.ToTable("grids");
            grid.HasKey(g => g.Id);
            grid.Property(g => g.Code).HasMaxLength(20);
            grid.Property(g => g.Name).HasMaxLength(100);
            grid.HasIndex(g => g.Code).IsUnique();
        });

        modelBuilder.AddMessagingTables();
    }
}

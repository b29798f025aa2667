using CommunityPlatform.Messaging.Persistence;
using CommunityPlatform.Volunteer.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Infrastructure;

public sealed class VolunteerDbContext(DbContextOptions<VolunteerDbContext> options) : DbContext(options)
{
    public DbSet<VolunteerProfile> Volunteers => Set<VolunteerProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VolunteerProfile>(volunteer =>
        {
            volunteer.ToTable("volunteers");
            volunteer.HasKey(v => v.Id);
            volunteer.Property(v => v.GridCode).HasMaxLength(50);
            volunteer.Property(v => v.Source).HasConversion<string>().HasMaxLength(30);
            volunteer.HasIndex(v => v.MemberId).IsUnique();
            volunteer.HasIndex(v => v.GridCode);
        });

        modelBuilder.AddMessagingTables();
    }
}

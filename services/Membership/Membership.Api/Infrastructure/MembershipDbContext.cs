using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Membership.Infrastructure;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Member>(member =>
        {
            member.HasKey(m => m.Id);
            member.Property(m => m.Name).HasMaxLength(Member.NameMaxLength);
            member.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
            member.Property(m => m.Education).HasConversion<string>().HasMaxLength(20);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            member.Property(m => m.Phone).HasMaxLength(20);
            member.Property(m => m.OrganisationCode).HasMaxLength(Member.CodeMaxLength);
            member.Property(m => m.GridCode).HasMaxLength(Member.CodeMaxLength);
            member.HasIndex(m => m.OrganisationCode);
            member.HasIndex(m => m.GridCode);
        });

        modelBuilder.AddMessagingTables();
    }
}

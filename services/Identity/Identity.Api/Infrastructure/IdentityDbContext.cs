using CommunityPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>Users, roles (ASP.NET Core Identity) and OpenIddict's applications, authorizations and tokens.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<CommunityUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).UseIdentityAlwaysColumn();
            audit.Property(a => a.Action).HasMaxLength(50);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Subject).HasMaxLength(200);
            audit.Property(a => a.Detail).HasMaxLength(500);
            audit.HasIndex(a => new { a.Action, a.Id });
        });
        builder.Entity<CommunityUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(50);
            user.Property(u => u.GridCodes).HasColumnType("text[]");
        });
        builder.UseOpenIddict<Guid>();
    }
}

using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>Users, roles (ASP.NET Core Identity) and OpenIddict's applications, authorizations and tokens.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<CommunityUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreInstantsInUtc();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.AddAuditTrail();
        builder.Entity<CommunityUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(50);
            user.Property(u => u.GridCodes).HasColumnType("text[]");
        });
        builder.UseOpenIddict<Guid>();
    }
}

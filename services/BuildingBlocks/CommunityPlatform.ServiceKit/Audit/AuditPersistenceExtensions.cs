using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.ServiceKit.Audit;

public static class AuditPersistenceExtensions
{
    /// <summary>Adds the <c>audit_entries</c> table to a service's model.</summary>
    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).UseIdentityAlwaysColumn();
            audit.Property(a => a.Action).HasMaxLength(50);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.ActorName).HasMaxLength(100);
            audit.Property(a => a.Subject).HasMaxLength(200);
            audit.Property(a => a.Detail).HasMaxLength(500);
            audit.HasIndex(a => new { a.Action, a.Id });
        });
        return modelBuilder;
    }

    /// <summary>
    /// Makes <c>audit_entries</c> append-only in the database itself: triggers refuse UPDATE, DELETE and
    /// TRUNCATE, and the table and its trigger pass to the database's admin, leaving the service's login SELECT and
    /// INSERT only, so neither any code path nor the login itself can rewrite the trail or switch the trigger off.
    /// The migration runs as the service's login, which may not hand a table to another role: it calls
    /// <c>public.seal_audit_trail()</c>, which the admin provisioned in the database with the login (LocalServers'
    /// <c>ServiceDatabases</c>; docs/DESIGN.md §1). Call it in the migration that creates the table.
    /// </summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DO $$
            BEGIN
                IF to_regprocedure('public.seal_audit_trail()') IS NULL THEN
                    RAISE EXCEPTION 'public.seal_audit_trail() is missing: provision the database and its service login first (docs/DESIGN.md)';
                END IF;
                PERFORM public.seal_audit_trail();
            END $$;
            """);
    }

    /// <summary>
    /// Undoes <see cref="MakeAuditTrailAppendOnly"/> (in a migration's Down). Only the database's admin may: the
    /// service's login owns neither the table nor its trigger.
    /// </summary>
    public static void DropAuditTrailAppendOnly(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
            DROP TRIGGER IF EXISTS audit_entries_no_change ON audit_entries;
            DROP FUNCTION IF EXISTS audit_entries_append_only();
            """);

    /// <summary>The audit trail of <typeparamref name="TDbContext"/>, for the service's endpoints and consumers.</summary>
    public static IServiceCollection AddAuditTrail<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext =>
        services.AddScoped(sp => new AuditTrail(sp.GetRequiredService<TDbContext>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
}

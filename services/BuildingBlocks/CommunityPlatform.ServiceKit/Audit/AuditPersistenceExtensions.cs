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
    /// TRUNCATE, so no code path can rewrite the trail. Call it in the migration that creates the table.
    /// </summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP;
            END $$;
            CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            """);
    }

    /// <summary>Undoes <see cref="MakeAuditTrailAppendOnly"/> (in a migration's Down).</summary>
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

using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.ReferenceData;

public static class KnownGrids
{
    /// <summary>Adds the <c>known_grids</c> table to a service's model.</summary>
    public static ModelBuilder AddKnownGrids(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownGrid>(grid =>
        {
            grid.ToTable("known_grids");
            grid.HasKey(g => g.Code);
            grid.Property(g => g.Code).HasMaxLength(20);
            grid.Property(g => g.Name).HasMaxLength(100);
        });
        return modelBuilder;
    }

    /// <summary>
    /// The grid with <paramref name="gridCode"/> if the caller's <paramref name="scope"/> covers it; otherwise a 400
    /// naming <paramref name="field"/>, which does not tell a grid worker whether another grid exists.
    /// </summary>
    public static async Task<KnownGrid> RequireKnownGridAsync(
        this DbContext db, string? gridCode, GridScope scope, CancellationToken cancellationToken, string field = "gridCode")
    {
        var code = gridCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            throw DomainValidationException.For(field, ValidationFailure.Required("is required and may not be blank."));
        }

        var grid = scope.Covers(code) ? await db.Set<KnownGrid>().AsNoTracking().SingleOrDefaultAsync(g => g.Code == code, cancellationToken) : null;
        return grid ?? throw DomainValidationException.For(field, ValidationFailure.NotFound($"names no grid of yours that the grid service has announced ('{code}')."));
    }

    /// <summary>
    /// Applies the grid service's announcement that grid <paramref name="code"/> exists with <paramref name="name"/>
    /// (its creation or a rename, whichever arrives first) to this service's copy; the caller saves.
    /// </summary>
    public static async Task ApplyAnnouncementAsync(
        this DbContext db, string code, string name, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var grid = await db.Set<KnownGrid>().SingleOrDefaultAsync(g => g.Code == code, cancellationToken);
        if (grid is null)
        {
            db.Set<KnownGrid>().Add(KnownGrid.Announced(code, name, occurredAt));
        }
        else
        {
            grid.Apply(name, occurredAt);
        }
    }
}

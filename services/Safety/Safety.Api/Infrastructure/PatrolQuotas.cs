using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Infrastructure;

/// <summary>How the patrol plans measure up in a month: read by the quota list and by the half-year figures.</summary>
public static class PatrolQuotas
{
    /// <summary>Every plan covering <paramref name="month"/> against the patrols held in it.</summary>
    public static async Task<IReadOnlyList<QuotaAttainment>> AttainmentsAsync(
        SafetyDbContext db, GridScope scope, string? gridCode, PatrolMonth month, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = scope.Filter(db.PatrolPlans.AsNoTracking(), p => p.GridCode)
            .Where(p => p.StartsOn <= month.Last && (p.EndsOn == null || p.EndsOn >= month.First));
        plans = string.IsNullOrWhiteSpace(gridCode) ? plans : plans.Where(p => p.GridCode == gridCode);
        var planList = await plans.OrderBy(p => p.GridCode).ThenBy(p => p.Kind).ToListAsync(cancellationToken);
        var grids = planList.Select(p => p.GridCode).Distinct().ToList();
        var (start, end) = (CommunityTime.StartOf(month.First), CommunityTime.StartOf(month.Next.First));
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => grids.Contains(p.GridCode) && p.PatrolledAt >= start && p.PatrolledAt < end)
            .ToListAsync(cancellationToken);
        return [.. planList.Select(p => p.Attainment(month, patrols, today))];
    }
}

using System.Linq.Expressions;
using System.Security.Claims;

namespace CommunityPlatform.ServiceKit.Security;

/// <summary>
/// Which grids (网格) a caller may see. Grid workers, members and residents are limited to the grids in their
/// <c>grid</c> claims; community-wide roles (secretary, staff, inspector, volunteer leader, county) see every
/// grid. Lists filter by it, and a single object in another grid is answered 404, so its existence does not leak.
/// </summary>
public sealed class GridScope
{
    private static readonly string[] CommunityWideRoles =
        [CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.VolunteerLeader, CommunityRoles.County];

    private readonly HashSet<string>? _grids;

    private GridScope(HashSet<string>? grids) => _grids = grids;

    /// <summary>True when the caller sees every grid.</summary>
    public bool IsCommunityWide => _grids is null;

    /// <summary>The grids a limited caller may see (empty for a community-wide caller).</summary>
    public IReadOnlyCollection<string> Grids => _grids ?? [];

    /// <summary>Every grid: for figures the office and the county see community-wide.</summary>
    public static GridScope CommunityWide { get; } = new(null);

    public static GridScope Of(ClaimsPrincipal caller) =>
        CommunityWideRoles.Any(caller.IsInRole)
            ? new GridScope(null)
            : new GridScope(caller.FindAll(CommunityClaims.Grid).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    public bool Covers(string gridCode) => _grids is null || _grids.Contains(gridCode);

    /// <summary>Limits <paramref name="query"/> to the rows whose <paramref name="gridCode"/> this scope covers.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, Expression<Func<T, string>> gridCode)
    {
        if (_grids is null)
        {
            return query;
        }

        var covered = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Constant(_grids.ToArray()), gridCode.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(covered, gridCode.Parameters));
    }
}

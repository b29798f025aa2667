using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Security;

/// <summary>Looking up one record as a caller limited to their grids may see it.</summary>
public static class ScopedLookup
{
    /// <summary>
    /// The one row <paramref name="match"/> finds among those <paramref name="scope"/> covers (by <paramref name="gridCode"/>),
    /// or null: a record of another grid reads exactly as a missing one, so the caller answers both 404 and its existence does not leak.
    /// </summary>
    public static Task<T?> FindInScopeAsync<T>(
        this IQueryable<T> query, Expression<Func<T, bool>> match, GridScope scope, Expression<Func<T, string>> gridCode, CancellationToken cancellationToken)
        where T : class =>
        scope.Filter(query, gridCode).SingleOrDefaultAsync(match, cancellationToken);
}

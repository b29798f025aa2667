using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Web;

public static class Paging
{
    /// <summary>
    /// One page of <paramref name="query"/> in the order of its time-ordered (v7) id: keyset paging, so a page
    /// costs the same however deep it is and rows added meanwhile are neither skipped nor repeated.
    /// </summary>
    public static async Task<Page<TResult>> ToPageAsync<TEntity, TResult>(
        this IQueryable<TEntity> query,
        Expression<Func<TEntity, Guid>> id,
        Guid? cursor,
        int? limit,
        Func<TEntity, TResult> map,
        CancellationToken cancellationToken)
    {
        var take = Page<TResult>.ClampLimit(limit);
        if (cursor is { } after)
        {
            var afterCursor = Expression.Lambda<Func<TEntity, bool>>(
                Expression.GreaterThan(id.Body, Expression.Constant(after)), id.Parameters);
            query = query.Where(afterCursor);
        }

        var rows = await query.OrderBy(id).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).ToList();
        var next = rows.Count > take ? id.Compile()(items[^1]).ToString() : null;
        return new Page<TResult>(items.Select(map).ToList(), next);
    }
}

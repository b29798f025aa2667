using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
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
            // Read from a holder, not written in as a constant: EF then sends the cursor as a parameter and reuses
            // one compiled query for every page, instead of compiling a new one for each cursor value.
            var afterCursor = Expression.Lambda<Func<TEntity, bool>>(
                Expression.GreaterThan(id.Body, Expression.Property(Expression.Constant(new Cursor(after)), nameof(Cursor.After))), id.Parameters);
            query = query.Where(afterCursor);
        }

        var rows = await query.OrderBy(id).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).ToList();
        var next = rows.Count > take ? IdOf(id)(items[^1]).ToString() : null;
        return new Page<TResult>(items.Select(map).ToList(), next);
    }

    /// <summary>The id selector as a delegate, compiled once per entity and property rather than on every page.</summary>
    private static Func<TEntity, Guid> IdOf<TEntity>(Expression<Func<TEntity, Guid>> id) =>
        id.Body is MemberExpression { Expression: ParameterExpression, Member: var property }
            ? IdAccessors<TEntity>.ByProperty.GetOrAdd(property, _ => id.Compile())
            : id.Compile();

    private static class IdAccessors<TEntity>
    {
        public static readonly ConcurrentDictionary<MemberInfo, Func<TEntity, Guid>> ByProperty = new();
    }

    private sealed record Cursor(Guid After);
}

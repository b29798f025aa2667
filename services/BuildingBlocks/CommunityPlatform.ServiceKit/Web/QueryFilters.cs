using System.Linq.Expressions;

namespace CommunityPlatform.ServiceKit.Web;

public static class QueryFilters
{
    /// <summary>
    /// Narrows the query by <paramref name="predicate"/> only when the person gave that filter: the shape of every
    /// optional filter in a list endpoint's <c>XxxFilter.Apply</c>, written once.
    /// </summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool given, Expression<Func<T, bool>> predicate) =>
        given ? query.Where(predicate) : query;
}

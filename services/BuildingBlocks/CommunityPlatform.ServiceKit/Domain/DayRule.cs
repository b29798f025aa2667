using System.Linq.Expressions;

namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// A domain rule about a <typeparamref name="T"/> on a day of the community's calendar ("overdue on today"), written
/// once as an expression: a query filters by <see cref="On"/>, an object in hand is judged by <see cref="Holds"/>,
/// the same expression compiled, so a list, a figure and a response cannot disagree.
/// </summary>
public sealed class DayRule<T>(Expression<Func<T, DateOnly, bool>> rule)
{
    private readonly Func<T, DateOnly, bool> _compiled = rule.Compile();

    public bool Holds(T item, DateOnly day) => _compiled(item, day);

    /// <summary>The rule on <paramref name="day"/>, for a query; the day reaches the database as a parameter, as a closure's would.</summary>
    public Expression<Func<T, bool>> On(DateOnly day) => Expression.Lambda<Func<T, bool>>(
        new Substitution(rule.Parameters[1], Expression.Property(Expression.Constant(new Captured(day)), nameof(Captured.Value))).Visit(rule.Body),
        rule.Parameters[0]);

    /// <summary>
    /// The rule's negation on <paramref name="day"/>, for a filter's "false". Only for a rule over columns that are never
    /// null: in SQL the negation of a comparison with null is unknown, not true.
    /// </summary>
    public Expression<Func<T, bool>> NotOn(DateOnly day)
    {
        var on = On(day);
        return Expression.Lambda<Func<T, bool>>(Expression.Not(on.Body), on.Parameters);
    }

    private sealed record Captured(DateOnly Value);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

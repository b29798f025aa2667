using System.Linq.Expressions;

namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// A list filter's range of the community's calendar days, both ends included, either end open. It covers exactly
/// the instants and dates a <see cref="ReportingPeriod"/> of the same days covers, so a domain rule written once
/// against a <see cref="DayRange"/> serves both a statistic and the list that shows the records it counts.
/// </summary>
public readonly record struct DayRange(DateOnly? From, DateOnly? To)
{
    /// <summary>The first instant of the range (UTC), or null when it is open at the start.</summary>
    public DateTimeOffset? Start => From is { } from ? CommunityTime.StartOf(from) : null;

    /// <summary>The first instant after the range (UTC), or null when it is open at the end.</summary>
    public DateTimeOffset? End => To is { } to ? CommunityTime.StartOf(to.AddDays(1)) : null;

    /// <summary>True when neither end is given: the range filters nothing.</summary>
    public bool IsOpen => From is null && To is null;

    public static implicit operator DayRange(ReportingPeriod period) => new(period.From, period.To);

    /// <summary>The range a request names by <paramref name="fromField"/> and <paramref name="toField"/>; an end before the start is an error on <paramref name="toField"/>.</summary>
    public static DayRange Of(DateOnly? from, DateOnly? to, string fromField, string toField, Validation validation)
    {
        validation.Require(from is null || to is null || from <= to, toField, ValidationFailure.NotBefore(fromField));
        return new DayRange(from, to);
    }

    /// <summary>Records whose instant falls on one of the range's days (a missing instant never does); every record when the range is open.</summary>
    public Expression<Func<T, bool>> Covers<T>(Expression<Func<T, DateTimeOffset?>> instant) => Between(instant, Start, End, inclusiveEnd: false);

    /// <summary>Records whose date is one of the range's days (a missing date never is); every record when the range is open.</summary>
    public Expression<Func<T, bool>> Covers<T>(Expression<Func<T, DateOnly?>> day) => Between(day, From, To, inclusiveEnd: true);

    private static Expression<Func<T, bool>> Between<T, TBound>(Expression<Func<T, TBound?>> value, TBound? start, TBound? end, bool inclusiveEnd)
        where TBound : struct
    {
        // A comparison with a missing value is false, so a bounded range leaves out records without one.
        Expression? body = start is null ? null : Expression.GreaterThanOrEqual(value.Body, Parameter(start));
        if (end is not null)
        {
            var before = inclusiveEnd ? Expression.LessThanOrEqual(value.Body, Parameter(end)) : Expression.LessThan(value.Body, Parameter(end));
            body = body is null ? before : Expression.AndAlso(body, before);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(true), value.Parameters);
    }

    /// <summary>A bound read from a captured object, as a closure would be, so the database sees a query parameter rather than a literal.</summary>
    private static MemberExpression Parameter<TBound>(TBound? value) where TBound : struct =>
        Expression.Property(Expression.Constant(new Captured<TBound?>(value)), nameof(Captured<TBound?>.Value));

    private sealed record Captured<TValue>(TValue Value);
}

using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Reporting.Domain;

/// <summary>
/// A half year of the community's calendar: 上半年 (1 January – 30 June) or 下半年 (1 July – 31 December), the period
/// a work report covers.
/// </summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public DateOnly First => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly Last => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>上半年 or 下半年.</summary>
    public string Label => $"{Year}年{(Half == 1 ? "上" : "下")}半年";

    /// <summary>Reads <c>?year=&amp;half=</c>; a missing value means the half year running today.</summary>
    public static HalfYear Of(int? year, int? half, DateOnly today)
    {
        var validation = new Validation()
            .RequireRange(year, "year", 2000, 2100, "must be a year between 2000 and 2100.")
            .Require(half is null or 1 or 2, "half", ValidationFailure.Of(ValidationCodes.OneOf, "must be 1 (January–June) or 2 (July–December)."));
        validation.ThrowIfInvalid();
        var value = new HalfYear(year ?? today.Year, half ?? (today.Month <= 6 ? 1 : 2));
        new Validation().Require(value.First <= today, "half", ValidationFailure.NotFuture($"{value.Label} has not begun yet.")).ThrowIfInvalid();
        return value;
    }

    /// <summary>The days a report of this half year counts: the whole half once it is over, else up to today.</summary>
    public ReportingPeriod PeriodAsOf(DateOnly today) => new(First, Last < today ? Last : today);
}

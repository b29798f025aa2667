using System.Globalization;

namespace CommunityPlatform.DemoCommunity;

/// <summary>How big a community to make.</summary>
public enum DemoScale
{
    /// <summary>The real community's figures: 2,300 households, 8,000 residents, 76 party members, a half year of activity.</summary>
    Full,

    /// <summary>The same shape at a tenth or less, for tests.</summary>
    Small,
}

/// <summary>
/// What to generate: the seed every draw comes from, the scale, and the half year (上半年 1, 下半年 2) whose activity to
/// enter — by default the one running today, up to today.
/// </summary>
public sealed record DemoCommunityOptions
{
    public int Seed { get; init; } = 2026;

    public DemoScale Scale { get; init; } = DemoScale.Full;

    public int? Year { get; init; }

    public int? Half { get; init; }

    /// <summary>The clock "today" and "now" are read from.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The reporting period the activity lies in: a half year up to today, in the community's calendar (UTC+8), and the
/// instant the run treats as now.
/// </summary>
public sealed record DemoPeriod(int Year, int Half, DateOnly From, DateOnly To, DateTimeOffset Now)
{
    public static readonly TimeSpan CommunityOffset = TimeSpan.FromHours(8);

    public DateOnly Today => DateOf(Now);

    /// <summary>The period's first instant, as the services compare instants.</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    /// <summary>The first day of each month of the half year up to <see cref="To"/>.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = From; month <= To; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public static DemoPeriod Of(DemoCommunityOptions options)
    {
        var now = options.Time.GetUtcNow();
        var today = DateOf(now);
        var year = options.Year ?? today.Year;
        var half = options.Half ?? (today.Month <= 6 ? 1 : 2);
        if (half is not (1 or 2))
        {
            throw new ArgumentException("The half year is 1 (January–June) or 2 (July–December).", nameof(options));
        }

        var from = new DateOnly(year, half == 1 ? 1 : 7, 1);
        var last = from.AddMonths(6).AddDays(-1);
        if (from > today)
        {
            throw new ArgumentException($"The half year {year}-H{half} has not begun; activity can only be entered up to today ({today:yyyy-MM-dd}).", nameof(options));
        }

        return new DemoPeriod(year, half, from, last < today ? last : today, now);
    }

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(CommunityOffset).DateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), CommunityOffset);

    /// <summary>An instant on the community's wall clock.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), CommunityOffset);

    public string From8601 => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string To8601 => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether a planned instant has happened by now (and so may be entered) and lies in the period.</summary>
    public bool Holds(DateTimeOffset instant) => instant >= Start && instant < End && instant <= Now;

    public bool Holds(DateOnly day) => day >= From && day <= To;
}

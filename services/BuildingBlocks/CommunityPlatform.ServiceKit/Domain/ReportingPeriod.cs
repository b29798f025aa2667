namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// The period a statistics request covers, in the community's calendar days, both ends included. Without dates it is
/// the half year (上半年 / 下半年) running today, up to today — the period of the work report.
/// </summary>
public readonly record struct ReportingPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first instant of the period, in UTC as the databases store instants.</summary>
    public DateTimeOffset Start => CommunityTime.StartOf(From);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => CommunityTime.StartOf(To.AddDays(1));

    public static ReportingPeriod Of(DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var end = to ?? CommunityTime.Today(time);
        var start = from ?? new DateOnly(end.Year, end.Month <= 6 ? 1 : 7, 1);
        new Validation().Require(start <= end, "to", ValidationFailure.NotBefore("from")).ThrowIfInvalid();
        return new ReportingPeriod(start, end);
    }

    public bool Contains(DateOnly? day) => day >= From && day <= To;

    public bool Contains(DateTimeOffset? instant) => instant >= Start && instant < End;
}

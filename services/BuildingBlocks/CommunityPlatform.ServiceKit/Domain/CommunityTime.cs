namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// The community's calendar. Instants are stored in UTC, but a date — "today", the day a meeting was held, the
/// first of the month — is the date on the community's wall clock, China Standard Time (UTC+8, no daylight
/// saving), so a meeting at 07:00 on the 1st belongs to the 1st and not to the previous month.
/// </summary>
public static class CommunityTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The instant (in UTC, as the database stores it) the community's day <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}

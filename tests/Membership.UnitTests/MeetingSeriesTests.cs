using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class MeetingSeriesTests
{
    private static (MeetingSeries Series, IReadOnlyList<Meeting> Meetings) Schedule(
        DateTimeOffset firstStartsAt, string frequency, int? occurrences, int? durationMinutes = 90) =>
        MeetingSeries.Schedule(Branch(), "CommitteeMeeting", "月度支委会", firstStartsAt, durationMinutes, frequency, occurrences, "党群服务中心", Now);

    [Fact]
    public void Monthly_occurrences_keep_the_day_and_time_in_the_organisers_offset()
    {
        // 07:00 in Beijing is the previous evening in UTC; stepping in UTC would turn 28 Feb into 1 March.
        var (_, meetings) = Schedule(new DateTimeOffset(2026, 1, 31, 7, 0, 0, Beijing), "Monthly", 4);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 1, 31, 7, 0, 0, Beijing),
                new DateTimeOffset(2026, 2, 28, 7, 0, 0, Beijing),
                new DateTimeOffset(2026, 3, 31, 7, 0, 0, Beijing),
                new DateTimeOffset(2026, 4, 30, 7, 0, 0, Beijing),
            ],
            meetings.Select(m => m.StartsAt));
    }

    [Fact]
    public void Every_occurrence_is_its_own_scheduled_meeting_of_the_series_with_the_same_duration()
    {
        var (series, meetings) = Schedule(new DateTimeOffset(2026, 7, 15, 14, 30, 0, Beijing), "每月", 3, durationMinutes: 90);

        Assert.Equal(3, meetings.Count);
        Assert.Equal(3, meetings.Select(m => m.Id).Distinct().Count());
        Assert.All(meetings, m =>
        {
            Assert.Equal(series.Id, m.SeriesId);
            Assert.Equal(MeetingStatus.Scheduled, m.Status);
            Assert.Equal(TimeSpan.FromMinutes(90), m.EndsAt - m.StartsAt);
        });
        Assert.Equal((MeetingKind.CommitteeMeeting, Recurrence.Monthly, 3), (series.Kind, series.Frequency, series.Occurrences));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 6, 30, 0, TimeSpan.Zero), series.FirstStartsAt);
    }

    [Theory]
    [InlineData("Weekly", "2026-07-15", "2026-07-22", "2026-07-29")]
    [InlineData("Quarterly", "2026-07-15", "2026-10-15", "2027-01-15")]
    public void Weekly_and_quarterly_series_step_by_seven_days_and_three_months(string frequency, string first, string second, string third)
    {
        var (_, meetings) = Schedule(new DateTimeOffset(DateOnly.Parse(first), new TimeOnly(19, 0), Beijing), frequency, 3);

        Assert.Equal(
            new[] { first, second, third }.Select(d => new DateTimeOffset(DateOnly.Parse(d), new TimeOnly(19, 0), Beijing)),
            meetings.Select(m => m.StartsAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(37)]
    public void A_series_holds_between_one_and_thirty_six_occurrences(int? occurrences) =>
        Assert.Contains("occurrences", ErrorsOf(() => Schedule(new DateTimeOffset(2026, 7, 15, 14, 30, 0, Beijing), "Weekly", occurrences)).Keys);

    [Theory]
    [InlineData(1)]
    [InlineData(36)]
    public void One_and_thirty_six_occurrences_are_accepted(int occurrences) =>
        Assert.Equal(occurrences, Schedule(new DateTimeOffset(2026, 7, 15, 14, 30, 0, Beijing), "Weekly", occurrences).Meetings.Count);

    [Theory]
    [InlineData(14)]
    [InlineData(721)]
    public void A_duration_outside_a_quarter_hour_to_twelve_hours_is_refused(int minutes) =>
        Assert.Contains(
            "durationMinutes",
            ErrorsOf(() => Schedule(new DateTimeOffset(2026, 7, 15, 14, 30, 0, Beijing), "Weekly", 2, minutes)).Keys);
}

using CommunityPlatform.Membership.Domain;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class CadenceTests
{
    private static readonly Cadence Monthly = new(MeetingKind.CommitteeMeeting, CadencePeriod.Month);
    private static readonly Cadence Quarterly = new(MeetingKind.GeneralMeeting, CadencePeriod.Quarter);

    private static string[] Missed(Cadence cadence, DateOnly since, DateOnly asOf, params DateOnly[] heldOn) =>
        [.. cadence.MissedPeriods(heldOn, since, asOf).Select(w => w.Label)];

    [Fact]
    public void A_month_without_a_meeting_is_missed_and_a_meeting_on_its_first_or_last_day_counts()
    {
        var missed = Missed(Monthly, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 10), new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1));

        Assert.Equal(["2026-02"], missed);
    }

    [Fact]
    public void Only_whole_months_from_since_are_judged_and_earlier_meetings_do_not_count()
    {
        Assert.Equal(["2026-02"], Missed(Monthly, new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 5)));
        Assert.Equal(["2026-01"], Missed(Monthly, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void The_running_period_is_not_judged_even_on_its_last_day()
    {
        Assert.Empty(Missed(Monthly, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(["2026-03"], Missed(Monthly, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Quarters_are_calendar_quarters_labelled_by_their_number()
    {
        var missed = Quarterly.MissedPeriods([new DateOnly(2026, 3, 31)], new DateOnly(2025, 11, 20), new DateOnly(2026, 9, 30));

        var window = Assert.Single(missed);
        Assert.Equal("2026-Q2", window.Label);
        Assert.Equal(new DateOnly(2026, 4, 1), window.Start);
        Assert.Equal(new DateOnly(2026, 6, 30), window.End);
        Assert.Equal(new DateOnly(2026, 7, 1), Quarterly.Current(new DateOnly(2026, 9, 30)).Start);
    }

    [Theory]
    [InlineData(CadencePeriod.Month, "2028-02-17", "2028-02-01", "2028-02-29", "2028-02")]
    [InlineData(CadencePeriod.Quarter, "2026-11-15", "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData(CadencePeriod.Quarter, "2026-01-01", "2026-01-01", "2026-03-31", "2026-Q1")]
    public void The_window_containing_a_day_spans_its_whole_calendar_period(
        CadencePeriod period, string day, string start, string end, string label)
    {
        var window = CadenceWindow.Containing(period, DateOnly.Parse(day));

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (window.Start, window.End, window.Label));
    }

    [Theory]
    [InlineData(OrganisationKind.GeneralBranch, true)]
    [InlineData(OrganisationKind.Branch, true)]
    [InlineData(OrganisationKind.PartyGroup, false)]
    public void Cadences_bind_branches_and_general_branches_but_not_party_groups(OrganisationKind kind, bool applies) =>
        Assert.Equal(applies, Cadence.Applies(kind));

    [Fact]
    public void Committee_meetings_and_theme_days_are_monthly_general_meetings_and_lectures_quarterly() =>
        Assert.Equal(
            new Dictionary<MeetingKind, CadencePeriod>
            {
                [MeetingKind.CommitteeMeeting] = CadencePeriod.Month,
                [MeetingKind.ThemePartyDay] = CadencePeriod.Month,
                [MeetingKind.GeneralMeeting] = CadencePeriod.Quarter,
                [MeetingKind.PartyLecture] = CadencePeriod.Quarter,
            },
            Cadence.Rules.ToDictionary(r => r.Kind, r => r.Period));
}

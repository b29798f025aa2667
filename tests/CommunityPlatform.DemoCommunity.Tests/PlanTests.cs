using System.Text.Json;

namespace CommunityPlatform.DemoCommunity.Tests;

/// <summary>
/// The plan, without a suite: the full community carries the real one's figures (its half-year report's), the
/// small one the same shape, and the same options give the same community whatever the day within the half year.
/// </summary>
public sealed class PlanTests
{
    /// <summary>The reference day: 2026-11-30, 16:00 in the community (the second half year up to then).</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyDictionary<string, decimal> Predict(DemoScale scale, int seed = 2026, DateTimeOffset? now = null) =>
        new DemoCommunityGenerator(new Uri("http://localhost:8080"), new DemoCommunityOptions { Seed = seed, Scale = scale, Time = new Clock(now ?? Today) })
            .Predict();

    [Fact]
    public void The_full_community_has_the_figures_of_the_real_ones_half_year_report()
    {
        var truth = Predict(DemoScale.Full);

        Assert.Equal(
            [2300m, 8000m, 300m, 168m, 100m, 8m, 4m],
            [truth["grid.community.households"], truth["grid.community.residents"], truth["grid.community.businesses"], truth["grid.community.unitHeads"],
             truth["grid.community.buildingHeads"], truth["grid.community.partnerUnits"], truth["grid.community.grids"]]);
        Assert.Equal(
            [76m, 36m, 41m, 5m, 5m, 3m, 3m, 4m, 4m],
            [truth["membership.members.total"], truth["membership.members.collegeOrAbove"], truth["membership.members.byAgeCohort.Under35"],
             truth["membership.committees.CQ-ZZB.members"], truth["membership.committees.CQ-ZZB.collegeOrAbove"], truth["membership.reserveCadres.total"],
             truth["membership.reserveCadres.under35"], truth["membership.development.admitted"], truth["membership.development.admittedUnder35WithCollege"]]);
        Assert.Equal([5m, 3m], [truth["membership.meetings.byKind.StudySession.held"], truth["membership.meetings.byKind.Briefing.held"]]);
        Assert.Equal([8m, 8m], [truth["membership.rectification.total"], truth["membership.rectification.completed"]]);
        Assert.Equal([33m, 31m, 16m, 10m, 5m], [truth["grid.deliberation.byVenue.DeliberationRoom"], truth["grid.careList.total"],
            truth["grid.careList.byCategory.MentalIllness"], truth["grid.careList.byCategory.ReleasedPrisoner"], truth["grid.careList.byCategory.CommunityCorrection"]]);
        Assert.Equal(6m, truth["volunteer.teams"]);
        // Every month from July to November has its monthly meetings.
        Assert.Equal([5m, 5m], [truth["membership.meetings.byKind.CommitteeMeeting.held"], truth["membership.meetings.byKind.ThemePartyDay.held"]]);
    }

    [Fact]
    public void The_small_community_is_a_tenth_or_less_of_the_full_one_in_every_register()
    {
        var (full, small) = (Predict(DemoScale.Full), Predict(DemoScale.Small));

        foreach (var key in new[] { "grid.community.households", "grid.community.residents", "grid.community.businesses", "membership.members.total",
            "grid.matters.reported", "safety.inspections", "volunteer.hours.approved" })
        {
            Assert.True(small[key] > 0 && small[key] * 5 <= full[key], $"{key}: small {small[key]}, full {full[key]}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_community_and_another_seed_another()
    {
        Assert.Equal(Json(Predict(DemoScale.Full)), Json(Predict(DemoScale.Full)));
        Assert.NotEqual(Json(Predict(DemoScale.Full)), Json(Predict(DemoScale.Full, seed: 7)));
    }

    [Fact]
    public void A_later_day_of_the_half_year_only_adds_what_has_happened_since()
    {
        var (earlier, later) = (Predict(DemoScale.Full, now: Today.AddDays(-20)), Predict(DemoScale.Full));

        Assert.Equal(earlier["grid.community.residents"], later["grid.community.residents"]);
        Assert.Equal(earlier["membership.members.full"], later["membership.members.full"]);
        Assert.True(later["membership.meetings.held"] > earlier["membership.meetings.held"]);
        Assert.True(later["volunteer.activities.completed"] >= earlier["volunteer.activities.completed"]);
    }

    [Fact]
    public void Activity_cannot_be_planned_for_a_half_year_that_has_not_begun()
    {
        var options = new DemoCommunityOptions { Year = 2027, Half = 1, Time = new Clock(Today) };

        Assert.Throws<ArgumentException>(() => new DemoCommunityGenerator(new Uri("http://localhost:8080"), options));
    }

    private static string Json(IReadOnlyDictionary<string, decimal> truth) => JsonSerializer.Serialize(truth.OrderBy(t => t.Key));

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

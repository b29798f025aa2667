using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Safety.Domain;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class PatrolQuotaTests
{
    private static readonly DateTimeOffset RecordedAt = new(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly PatrolMonth October = new(2026, 10);
    private static readonly PatrolMonth November = new(2026, 11);

    private static PatrolPlan Plan(int times = 2, string grid = "G01", string kind = "Fire", Venue? venue = null, DateOnly? startsOn = null, DateOnly? endsOn = null) =>
        PatrolPlan.Create(grid, venue, kind, times, startsOn ?? new DateOnly(2026, 1, 1), endsOn, "office", Now);

    private static Patrol Patrol(DateTimeOffset at, string grid = "G01", string kind = "消防巡查", Venue? venue = null) =>
        Domain.Patrol.Record(grid, venue, new PatrolRecord(kind, at, "沿河路", null, null, null), "worker-1", RecordedAt);

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_patrol_late_in_the_evening_utc_belongs_to_the_next_day_and_month_of_the_community()
    {
        var plan = Plan(times: 1);
        var patrols = new[] { Patrol(Utc(10, 31, 17)) };

        Assert.Equal(0, plan.Attainment(October, patrols, new DateOnly(2026, 12, 15)).Held);
        Assert.Equal(1, plan.Attainment(November, patrols, new DateOnly(2026, 12, 15)).Held);

        var justBefore = new[] { Patrol(new DateTimeOffset(2026, 10, 31, 15, 59, 0, TimeSpan.Zero)) };
        Assert.Equal(1, plan.Attainment(October, justBefore, new DateOnly(2026, 12, 15)).Held);
        Assert.Equal(0, plan.Attainment(November, justBefore, new DateOnly(2026, 12, 15)).Held);
    }

    [Fact]
    public void Only_patrols_of_the_plans_grid_kind_and_venue_count()
    {
        var venue = Restaurant();
        var gridPlan = Plan();
        var venuePlan = Plan(venue: venue);
        var patrols = new[]
        {
            Patrol(Utc(10, 3, 2)),
            Patrol(Utc(10, 4, 2), venue: venue),
            Patrol(Utc(10, 5, 2), grid: "G02"),
            Patrol(Utc(10, 6, 2), kind: "ForestFire"),
        };

        Assert.Equal([true, true, false, false], patrols.Select(gridPlan.Counts));
        Assert.Equal([false, true, false, false], patrols.Select(venuePlan.Counts));
        Assert.Equal(2, gridPlan.Attainment(October, patrols, new DateOnly(2026, 11, 1)).Held);
        Assert.Equal(1, venuePlan.Attainment(October, patrols, new DateOnly(2026, 11, 1)).Held);
    }

    [Fact]
    public void A_month_is_missed_only_once_it_is_over_and_short_of_the_quota()
    {
        var plan = Plan(times: 2);
        var one = new[] { Patrol(Utc(10, 3, 2)) };
        var two = new[] { Patrol(Utc(10, 3, 2)), Patrol(Utc(10, 20, 2)) };

        var running = plan.Attainment(October, one, new DateOnly(2026, 10, 31));
        Assert.False(running.Finished);
        Assert.False(running.Attained);
        Assert.False(running.Missed);
        Assert.Null(QuotaJudgement.Of(running, Now).Events.OfType<PatrolQuotaMissed>().SingleOrDefault());

        var missed = plan.Attainment(October, one, new DateOnly(2026, 11, 1));
        Assert.True(missed.Finished);
        Assert.True(missed.Missed);
        var missedEvent = QuotaJudgement.Of(missed, Now).Events.OfType<PatrolQuotaMissed>().SingleOrDefault();
        Assert.NotNull(missedEvent);
        Assert.Equal(("G01", "Fire", "2026-10", 2, 1), (missedEvent.GridCode, missedEvent.PatrolKind, missedEvent.Month, missedEvent.Required, missedEvent.Held));

        var attained = plan.Attainment(October, two, new DateOnly(2026, 11, 1));
        Assert.True(attained.Attained);
        Assert.False(attained.Missed);
        Assert.Null(QuotaJudgement.Of(attained, Now).Events.OfType<PatrolQuotaMissed>().SingleOrDefault());

        var judgement = QuotaJudgement.Of(missed, Now);
        Assert.Equal((plan.Id, "2026-10", 2, 1, true), (judgement.PlanId, judgement.Month, judgement.Required, judgement.Held, judgement.Missed));
    }

    [Fact]
    public void A_plan_covers_the_months_it_overlaps_from_its_first_to_its_last_day()
    {
        var seasonal = Plan(startsOn: new DateOnly(2026, 6, 15), endsOn: new DateOnly(2026, 9, 1));

        Assert.False(seasonal.Covers(new PatrolMonth(2026, 5)));
        Assert.True(seasonal.Covers(new PatrolMonth(2026, 6)));
        Assert.True(seasonal.Covers(new PatrolMonth(2026, 9)));
        Assert.False(seasonal.Covers(new PatrolMonth(2026, 10)));

        var standing = Plan(startsOn: new DateOnly(2026, 6, 30));
        Assert.True(standing.Covers(new PatrolMonth(2030, 1)));
        standing.End(new DateOnly(2026, 7, 1));
        Assert.True(standing.Covers(new PatrolMonth(2026, 7)));
        Assert.False(standing.Covers(new PatrolMonth(2026, 8)));
        Assert.Equal(["endsOn"], FieldsOf(() => standing.End(new DateOnly(2026, 6, 29))));
    }

    [Fact]
    public void Patrol_months_run_from_the_first_to_the_last_day_across_years_and_leap_februaries()
    {
        var february = new PatrolMonth(2028, 2);
        Assert.Equal(new DateOnly(2028, 2, 29), february.Last);
        Assert.Equal(new DateOnly(2027, 2, 28), new PatrolMonth(2027, 2).Last);
        Assert.Equal(new PatrolMonth(2025, 12), new PatrolMonth(2026, 1).Previous);
        Assert.Equal(new PatrolMonth(2027, 1), new PatrolMonth(2026, 12).Next);
        Assert.True(October.Contains(new DateOnly(2026, 10, 31)));
        Assert.False(October.Contains(new DateOnly(2026, 11, 1)));
        Assert.False(October.Contains(new DateOnly(2026, 9, 30)));
        Assert.Equal("2026-03", new PatrolMonth(2026, 3).ToString());
        Assert.Equal(new PatrolMonth(2026, 3), PatrolMonth.Of(new DateOnly(2026, 3, 31)));
    }

    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("2026-13", null, null)]
    [InlineData("2026-1", null, null)]
    [InlineData("十月", null, null)]
    [InlineData(null, null, null)]
    public void A_month_is_read_only_as_yyyy_MM(string? text, int? year, int? month) =>
        Assert.Equal(year is null ? null : new PatrolMonth(year.Value, month!.Value), PatrolMonth.Parse(text));

    [Fact]
    public void A_plan_is_validated_field_by_field()
    {
        Assert.Equal(["endsOn", "kind", "timesPerMonth"],
            FieldsOf(() => PatrolPlan.Create("G01", null, "夜跑", 0, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), "o", Now)).Order());
        Assert.Equal(["startsOn", "timesPerMonth"], FieldsOf(() => PatrolPlan.Create("G01", null, "Fire", 32, null, null, "o", Now)).Order());
        Assert.Equal(["venueId"], FieldsOf(() => PatrolPlan.Create("G02", Restaurant("G01"), "Fire", 4, new DateOnly(2026, 5, 1), null, "o", Now)));
        Assert.Equal(PatrolKind.ForestFire, PatrolPlan.Create("G01", null, "森林防火巡查", 4, new DateOnly(2026, 5, 1), null, "o", Now).Kind);
    }

    [Fact]
    public void A_patrol_sent_in_local_time_counts_in_the_community_month_of_its_instant()
    {
        var local = new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(8));

        var patrol = Patrol(local);

        Assert.Equal(local, patrol.PatrolledAt);
        Assert.Equal(1, Plan(times: 1).Attainment(November, [patrol], new DateOnly(2026, 12, 1)).Held);
    }

    [Fact]
    public void A_patrol_is_validated_and_records_nothing_found_by_default()
    {
        var patrol = Patrol(Utc(10, 3, 2));
        Assert.Equal("未发现异常", patrol.Findings);
        Assert.Equal(1, patrol.Participants);
        Assert.Equal(PatrolKind.Fire, patrol.Kind);

        Assert.Equal(["kind", "participants", "patrolledAt"], FieldsOf(() => Domain.Patrol.Record("G01", null,
            new PatrolRecord("Jogging", RecordedAt.AddHours(1), null, null, 0, null), "w", RecordedAt)).Order());
        Assert.Equal(["patrolledAt"], FieldsOf(() => Domain.Patrol.Record("G01", null, new PatrolRecord("Fire", null, null, null, null, null), "w", RecordedAt)));
        Assert.Equal(["venueId"], FieldsOf(() => Domain.Patrol.Record("G02", Restaurant("G01"), new PatrolRecord("Fire", RecordedAt, null, null, null, null), "w", RecordedAt)));
    }
}

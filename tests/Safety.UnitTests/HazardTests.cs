using CommunityPlatform.Contracts;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Domain;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class HazardTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(2);

    private static void Start(Hazard h) => h.StartRectification("清理通道杂物，张贴禁止堆放标识", "worker-1", Later);

    private static void Submit(Hazard h) => h.SubmitRectification("已清理", ["rect/1.jpg"], "worker-1", Later);

    private static void Pass(Hazard h) => h.Reinspect(true, null, null, Deadlines, "inspector-2", Later);

    private static void Fail(Hazard h) => h.Reinspect(false, "通道仍有杂物", null, Deadlines, "inspector-2", Later);

    /// <summary>The event <paramref name="step"/> raised on <paramref name="hazard"/>, or null when it raised none.</summary>
    private static IntegrationEvent? Raised(Hazard hazard, Action<Hazard> step)
    {
        var before = hazard.Events.Count;
        step(hazard);
        return hazard.Events.Skip(before).SingleOrDefault();
    }

    private static HazardOverdue? FlagOverdue(Hazard hazard, DateTimeOffset now) => (HazardOverdue?)Raised(hazard, h => h.FlagOverdue(now));

    private static readonly Dictionary<string, Action<Hazard>> Actions = new()
    {
        ["start"] = Start,
        ["submit"] = Submit,
        ["pass"] = Pass,
        ["fail"] = Fail,
    };

    /// <summary>A hazard brought into <paramref name="status"/> by the allowed steps.</summary>
    private static Hazard In(HazardStatus status)
    {
        var hazard = OpenHazard();
        switch (status)
        {
            case HazardStatus.Rectifying:
                Start(hazard);
                break;
            case HazardStatus.Submitted:
                Submit(hazard);
                break;
            case HazardStatus.Reopened:
                Submit(hazard);
                Fail(hazard);
                break;
            case HazardStatus.Closed:
                Submit(hazard);
                Pass(hazard);
                break;
        }

        Assert.Equal(status, hazard.Status);
        return hazard;
    }

    public static TheoryData<HazardStatus, string, HazardStatus> AllowedSteps => new()
    {
        { HazardStatus.Open, "start", HazardStatus.Rectifying },
        { HazardStatus.Reopened, "start", HazardStatus.Rectifying },
        { HazardStatus.Open, "submit", HazardStatus.Submitted },
        { HazardStatus.Rectifying, "submit", HazardStatus.Submitted },
        { HazardStatus.Reopened, "submit", HazardStatus.Submitted },
        { HazardStatus.Submitted, "pass", HazardStatus.Closed },
        { HazardStatus.Submitted, "fail", HazardStatus.Reopened },
    };

    public static TheoryData<HazardStatus, string> RefusedSteps => new()
    {
        { HazardStatus.Rectifying, "start" },
        { HazardStatus.Submitted, "start" },
        { HazardStatus.Closed, "start" },
        { HazardStatus.Submitted, "submit" },
        { HazardStatus.Closed, "submit" },
        { HazardStatus.Open, "pass" },
        { HazardStatus.Rectifying, "pass" },
        { HazardStatus.Reopened, "pass" },
        { HazardStatus.Closed, "pass" },
        { HazardStatus.Open, "fail" },
        { HazardStatus.Rectifying, "fail" },
        { HazardStatus.Reopened, "fail" },
        { HazardStatus.Closed, "fail" },
    };

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void An_allowed_step_moves_the_hazard_and_is_kept_in_its_timeline(HazardStatus from, string step, HazardStatus to)
    {
        var hazard = In(from);
        var steps = hazard.Timeline.Count;

        Actions[step](hazard);

        Assert.Equal(to, hazard.Status);
        Assert.Equal(steps + 1, hazard.Timeline.Count);
        Assert.Equal(to, hazard.Timeline[^1].Status);
        Assert.Equal(to != HazardStatus.Closed, hazard.IsOpen);
    }

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void A_refused_step_is_a_transition_rule_and_changes_nothing(HazardStatus from, string step)
    {
        var hazard = In(from);
        var (steps, deadline) = (hazard.Timeline.Count, hazard.Deadline);

        var refused = Assert.Throws<DomainRuleViolationException>(() => Actions[step](hazard));

        Assert.Equal("hazard.transition", refused.Rule);
        Assert.Equal(from.ToString(), refused.Details["currentStatus"]);
        Assert.Equal(from, hazard.Status);
        Assert.Equal(steps, hazard.Timeline.Count);
        Assert.Equal(deadline, hazard.Deadline);
    }

    [Fact]
    public void The_overdue_rule_filters_a_query_as_it_judges_a_hazard_in_hand()
    {
        var hazards = Enum.GetValues<HazardStatus>().Select(In).ToList();
        var deadline = hazards[0].Deadline;

        foreach (var day in new[] { deadline.AddDays(-1), deadline, deadline.AddDays(1), deadline.AddYears(1) })
        {
            Assert.Equal(hazards.Where(h => h.IsOverdue(day)), hazards.AsQueryable().Where(Hazard.Overdue.On(day)));
            Assert.Equal(hazards.Where(h => !h.IsOverdue(day)), hazards.AsQueryable().Where(Hazard.Overdue.NotOn(day)));
            Assert.Equal(day > deadline, hazards.Any(h => h.IsOverdue(day)));
        }

        Assert.All(hazards.Where(h => h.IsOverdue(deadline.AddDays(1))), h => Assert.NotEqual(HazardStatus.Closed, h.Status));
    }

    [Fact]
    public void A_new_hazard_is_open_for_the_venue_owner_with_the_failed_item_and_its_evidence()
    {
        var hazard = OpenHazard();

        Assert.Equal(HazardStatus.Open, hazard.Status);
        Assert.Equal("王建国", hazard.ResponsibleParty);
        Assert.Equal(1, hazard.ItemNumber);
        Assert.Equal("安全出口是否畅通", hazard.Summary);
        Assert.Equal(["photos/1.jpg"], hazard.Photos);
        Assert.Equal("G01", hazard.GridCode);
        Assert.Equal("inspector-1", Assert.Single(hazard.Timeline).Actor);
    }

    [Fact]
    public void Passing_the_reinspection_closes_the_hazard_and_announces_it_rectified()
    {
        var hazard = In(HazardStatus.Submitted);

        var rectified = Assert.IsType<HazardRectified>(Raised(hazard, h => h.Reinspect(true, "整改到位", null, Deadlines, "inspector-2", Later)));

        Assert.Equal(hazard.Id, rectified.HazardId);
        Assert.Equal("G01", rectified.GridCode);
        Assert.Equal(Later, rectified.RectifiedAt);
        Assert.Equal(Later, hazard.ClosedAt);
        Assert.False(hazard.IsOverdue(Today.AddYears(1)));
        Assert.Contains("整改到位", hazard.Timeline[^1].Note);
    }

    [Fact]
    public void Failing_the_reinspection_reopens_it_with_the_default_deadline_for_its_severity_from_the_reinspection_day_and_announces_the_deadline()
    {
        var general = In(HazardStatus.Submitted);
        var reopened = Assert.IsType<HazardReopened>(Raised(general, h => h.Reinspect(false, "通道仍有杂物", null, Deadlines, "inspector-2", Later)));
        Assert.Equal(HazardStatus.Reopened, general.Status);
        Assert.Equal(Today.AddDays(2 + 7), general.Deadline);
        Assert.Equal((general.Id, "G01", general.Deadline, Later), (reopened.HazardId, reopened.GridCode, reopened.Deadline, reopened.ReopenedAt));
        Assert.Null(general.ClosedAt);

        var major = OpenHazard(severity: "Major");
        Submit(major);
        major.Reinspect(false, "钢瓶仍在厨房", null, Deadlines, "inspector-2", Later);
        Assert.Equal(Today.AddDays(2 + 30), major.Deadline);
    }

    [Fact]
    public void Failing_the_reinspection_with_a_date_reopens_it_until_that_date()
    {
        var hazard = In(HazardStatus.Submitted);

        hazard.Reinspect(false, "通道仍有杂物", Today.AddDays(3), Deadlines, "inspector-2", Later);

        Assert.Equal(Today.AddDays(3), hazard.Deadline);
        Assert.Contains(Today.AddDays(3).ToString("yyyy-MM-dd"), hazard.Timeline[^1].Note);
    }

    [Fact]
    public void A_failed_reinspection_must_say_what_is_wrong_and_a_date_is_only_for_a_failure_and_not_in_the_past()
    {
        var hazard = In(HazardStatus.Submitted);

        Assert.Equal(["notes"], FieldsOf(() => hazard.Reinspect(false, " ", null, Deadlines, "i", Later)));
        Assert.Equal(["deadline"], FieldsOf(() => hazard.Reinspect(true, null, Today.AddDays(5), Deadlines, "i", Later)));
        Assert.Equal(["deadline"], FieldsOf(() => hazard.Reinspect(false, "未整改", Today.AddDays(1), Deadlines, "i", Later)));
        Assert.Equal(HazardStatus.Submitted, hazard.Status);
    }

    [Fact]
    public void Rectification_needs_measures_and_a_submission_needs_a_photo()
    {
        var hazard = OpenHazard();

        Assert.Equal(["measures"], FieldsOf(() => hazard.StartRectification("  ", "w", Later)));
        Assert.Equal(["photos"], FieldsOf(() => hazard.SubmitRectification("已整改", [], "w", Later)));
        Assert.Equal(["photos"], FieldsOf(() => hazard.SubmitRectification("已整改", null, "w", Later)));
        Assert.Equal(HazardStatus.Open, hazard.Status);
        Assert.Null(hazard.Measures);
    }

    [Fact]
    public void A_hazard_fixed_on_the_spot_goes_straight_to_reinspection_with_its_photos()
    {
        var hazard = OpenHazard();

        hazard.SubmitRectification(" 立行立改 ", [" rect/1.jpg "], "worker-1", Later);

        Assert.Equal(HazardStatus.Submitted, hazard.Status);
        Assert.Equal(["rect/1.jpg"], hazard.RectificationPhotos);
        Assert.Contains("立行立改", hazard.Timeline[^1].Note);
    }

    [Fact]
    public void An_overdue_hazard_is_announced_once_per_deadline_and_again_after_a_reopen_whose_new_deadline_passes()
    {
        var hazard = OpenHazard();
        var deadline = Today.AddDays(7);
        Assert.Equal(deadline, hazard.Deadline);

        Assert.Null(FlagOverdue(hazard, CommunityTime.StartOf(deadline).AddHours(23)));
        var overdueAt = CommunityTime.StartOf(deadline.AddDays(1));
        var first = FlagOverdue(hazard, overdueAt);
        Assert.NotNull(first);
        Assert.Equal(deadline, first.Deadline);
        Assert.Equal(hazard.Id, first.HazardId);
        Assert.Equal(deadline, hazard.OverdueNotifiedFor);
        Assert.Null(FlagOverdue(hazard, overdueAt.AddHours(1)));
        Assert.Null(FlagOverdue(hazard, overdueAt.AddDays(10)));

        var reinspectedAt = overdueAt.AddDays(1);
        hazard.SubmitRectification(null, ["rect/1.jpg"], "worker-1", reinspectedAt);
        hazard.Reinspect(false, "未整改到位", null, Deadlines, "inspector-2", reinspectedAt);
        var newDeadline = CommunityTime.DateOf(reinspectedAt).AddDays(7);
        Assert.Equal(newDeadline, hazard.Deadline);
        Assert.Null(FlagOverdue(hazard, CommunityTime.StartOf(newDeadline)));

        var second = FlagOverdue(hazard, CommunityTime.StartOf(newDeadline.AddDays(1)));
        Assert.NotNull(second);
        Assert.Equal(newDeadline, second.Deadline);
        Assert.Null(FlagOverdue(hazard, CommunityTime.StartOf(newDeadline.AddDays(2))));
        Assert.Equal(2, hazard.Timeline.Count(s => s.Actor == "system"));
    }

    [Fact]
    public void A_closed_hazard_is_never_overdue()
    {
        var hazard = In(HazardStatus.Closed);

        Assert.Null(FlagOverdue(hazard, CommunityTime.StartOf(hazard.Deadline.AddDays(30))));
        Assert.Null(hazard.OverdueNotifiedFor);
    }

    [Fact]
    public void A_hazard_is_overdue_the_day_after_its_deadline_in_the_communitys_calendar()
    {
        var hazard = OpenHazard();

        Assert.False(hazard.IsOverdue(hazard.Deadline));
        Assert.True(hazard.IsOverdue(hazard.Deadline.AddDays(1)));
        // 16:00 UTC is midnight in the community: the next day has begun there.
        var lastUtcMinute = new DateTimeOffset(hazard.Deadline.ToDateTime(new TimeOnly(15, 59)), TimeSpan.Zero);
        Assert.Null(FlagOverdue(hazard, lastUtcMinute));
        Assert.NotNull(FlagOverdue(hazard, lastUtcMinute.AddMinutes(1)));
    }
}

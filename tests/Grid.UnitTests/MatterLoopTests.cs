using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class MatterLoopTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly Actor Worker = new("worker-1", "王网格");
    private static readonly Actor Resident = new("resident-1", "周桂英");

    private static Matter Reported(string category = "矛盾纠纷") =>
        Matter.Report("G01", category, "3栋2单元", "楼上漏水，邻里协商未果", "网格员", "王网格", null, null, Worker, reporterRates: false, Now);

    private static Matter Assigned(Guid? member = null)
    {
        var matter = Reported();
        matter.Accept(Today.AddDays(15), null, Worker, Now);
        matter.Assign("物业服务中心", member, Today.AddDays(7), Worker, Now);
        return matter;
    }

    private static string RuleOf(Action action) => Assert.Throws<DomainRuleViolationException>(action).Rule;

    [Fact]
    public void A_report_is_validated_field_by_field_and_its_event_carries_no_description_or_reporter()
    {
        var errors = Assert.Throws<DomainValidationException>(() =>
            Matter.Report("G01", "噪音", "", "", "邻居", "", null, null, Worker, reporterRates: false, Now)).Errors;
        Assert.Equal(["category", "description", "location", "reporterKind", "reporterName"], errors.Keys.Order());

        var matter = Matter.Report("G01", "ElevatorRetrofit", "幸福里7号楼", "居民申请加装电梯", "楼栋长", "李楼长", null, ["p/1.jpg"], Worker, reporterRates: false, Now);
        var reported = Assert.IsType<Contracts.Grid.MatterReported>(Assert.Single(matter.Events));
        Assert.Equal(MatterStatus.Reported, matter.Status);
        Assert.Equal(MatterCategory.ElevatorRetrofit, matter.Category);
        Assert.Equal("ElevatorRetrofit", reported.Category);
        var eventProperties = typeof(Contracts.Grid.MatterReported).GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain("Description", eventProperties);
        Assert.DoesNotContain("ReporterName", eventProperties);
    }

    [Fact]
    public void The_whole_loop_moves_step_by_step_and_keeps_every_step_in_the_timeline()
    {
        var matter = Reported();
        matter.Accept(Today.AddDays(15), "签收", Worker, Now);
        matter.StartDeliberation(null, Worker, Now);
        matter.Assign("社区调委会", Guid.NewGuid(), Today.AddDays(10), Worker, Now);
        matter.Resolve("双方达成调解协议", Worker, Now);
        var resolved = Assert.IsType<Contracts.Grid.MatterResolved>(matter.Events[^1]);
        matter.Close(5, "回访满意", Worker, Now);

        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Equal(5, matter.Satisfaction);
        Assert.Equal(
            [MatterStatus.Reported, MatterStatus.Accepted, MatterStatus.Deliberating, MatterStatus.Assigned, MatterStatus.Resolved, MatterStatus.Closed],
            matter.Timeline.Select(t => t.Status));
        Assert.Equal(matter.HandlerMemberId, resolved.ResolverMemberId);
        Assert.False(matter.IsOpen);
    }

    public static TheoryData<string, Action<Matter>> IllegalSteps => new()
    {
        { "resolve a reported matter", m => m.Resolve("办了", Worker, Now) },
        { "close a reported matter", m => m.Close(5, null, Worker, Now) },
        { "assign a reported matter", m => m.Assign("物业", null, Today.AddDays(1), Worker, Now) },
        { "deliberate a reported matter", m => m.StartDeliberation(null, Worker, Now) },
    };

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Skipping_a_step_is_refused_and_changes_nothing(string _, Action<Matter> step)
    {
        var matter = Reported();
        Assert.Equal("matter.transition", RuleOf(() => step(matter)));
        Assert.Equal(MatterStatus.Reported, matter.Status);
        Assert.Single(matter.Timeline);
    }

    [Fact]
    public void A_returned_matter_is_closed_for_good()
    {
        var matter = Reported();
        matter.Return("属于物业合同纠纷，请向物业服务中心反映", Worker, Now);
        Assert.Equal(MatterStatus.Returned, matter.Status);
        Assert.False(matter.IsOpen);
        Assert.Equal("matter.transition", RuleOf(() => matter.Accept(Today, null, Worker, Now)));
        Assert.Equal("matter.status", RuleOf(() => matter.Escalate("督办", Worker, Now)));
        Assert.Throws<DomainValidationException>(() => Reported().Return(" ", Worker, Now));
    }

    [Fact]
    public void An_assigned_matter_is_overdue_the_day_after_its_due_date_and_not_on_it()
    {
        var matter = Assigned();
        Assert.False(matter.IsOverdue(Today.AddDays(7)));
        Assert.True(matter.IsOverdue(Today.AddDays(8)));
        matter.Resolve("已修复", Worker, Now);
        Assert.False(matter.IsOverdue(Today.AddDays(30)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Satisfaction_is_from_one_to_five(int satisfaction)
    {
        var matter = Assigned();
        matter.Resolve("已修复", Worker, Now);
        Assert.True(Assert.Throws<DomainValidationException>(() => matter.Close(satisfaction, null, Worker, Now)).Errors.ContainsKey("satisfaction"));
        Assert.Equal(MatterStatus.Resolved, matter.Status);
    }

    [Fact]
    public void A_due_date_in_the_past_is_refused_when_assigning()
    {
        var matter = Reported();
        matter.Accept(Today.AddDays(15), null, Worker, Now);
        Assert.True(Assert.Throws<DomainValidationException>(() => matter.Assign("物业", null, Today.AddDays(-1), Worker, Now)).Errors.ContainsKey("dueOn"));
    }

    [Fact]
    public void A_hazard_matter_is_signed_for_at_once_due_by_the_deadline_and_a_rectification_closes_it_once()
    {
        var deadline = Today.AddDays(10);
        var matter = Matter.OpenFor(MatterSource.Hazard, "h-1", "G02", MatterCategory.Safety, "惠民小超市", "一般隐患：灭火器过期", deadline, false, Now);
        Assert.Equal(MatterStatus.Accepted, matter.Status);
        Assert.Equal(deadline, matter.DueOn);
        Assert.True(matter.CloseForRectifiedHazard(Now));
        Assert.False(matter.CloseForRectifiedHazard(Now));
        Assert.Equal(MatterStatus.Closed, matter.Status);
    }

    [Fact]
    public void An_observation_without_a_due_date_waits_to_be_signed_for()
    {
        var matter = Matter.OpenFor(MatterSource.PatrolObservation, "o-1", "G02", MatterCategory.Safety, "河堤", "护栏缺失", null, false, Now);
        Assert.Equal(MatterStatus.Reported, matter.Status);
        Assert.Null(matter.DueOn);
    }

    [Fact]
    public void Steps_taken_in_the_same_instant_keep_their_order_in_time()
    {
        var matter = Matter.OpenFor(MatterSource.Hazard, "h-2", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        Assert.Equal([MatterStatus.Reported, MatterStatus.Accepted], matter.Timeline.OrderBy(t => t.At).Select(t => t.Status));
        Assert.True(matter.Timeline[1].At > matter.Timeline[0].At);
    }

    private static Matter Resolved(bool reporterRates)
    {
        var matter = Matter.Report("G01", "物业服务", "5栋", "楼道灯坏了", "居民", "周桂英", null, null, reporterRates ? Resident : Worker, reporterRates, Now);
        matter.Accept(Today.AddDays(7), null, Worker, Now);
        matter.Assign("物业服务中心", null, Today.AddDays(7), Worker, Now);
        matter.Resolve("已更换灯泡", Worker, Now);
        return matter;
    }

    [Fact]
    public void Each_step_keeps_the_name_of_who_took_it_as_well_as_their_account()
    {
        var matter = Assigned();
        Assert.All(matter.Timeline, t => Assert.Equal(("worker-1", "王网格"), (t.Actor, t.ActorName)));
        var opened = Matter.OpenFor(MatterSource.Hazard, "h-9", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        Assert.All(opened.Timeline, t => Assert.Equal(("system", "系统"), (t.Actor, t.ActorName)));
    }

    [Fact]
    public void A_matter_a_resident_reported_is_rated_by_that_resident_and_not_by_the_worker()
    {
        var matter = Resolved(reporterRates: true);

        Assert.Equal("matter.rating", RuleOf(() => matter.Close(5, "电话回访满意", Worker, Now)));
        Assert.False(matter.IsRatedBy("worker-1"));
        Assert.True(matter.IsRatedBy("resident-1"));
        Assert.Equal(MatterStatus.Resolved, matter.Status);

        var raised = matter.Events.Count;
        matter.Rate(4, "修得很快", Resident, Now.AddHours(3));
        Assert.Equal((MatterStatus.Closed, 4), (matter.Status, matter.Satisfaction));
        Assert.Equal("周桂英", matter.Timeline[^1].ActorName);
        Assert.IsType<Contracts.Grid.MatterClosed>(Assert.Single(matter.Events.Skip(raised)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_dissatisfied_rating_sends_the_matter_back_to_its_handler_on_the_escalation_board_instead_of_closing_it(bool reporterRates)
    {
        var matter = Resolved(reporterRates);
        var raised = matter.Events.Count;

        if (reporterRates)
        {
            matter.Rate(1, "灯还是不亮", Resident, Now);
        }
        else
        {
            matter.Close(2, "回访不满意", Worker, Now);
        }

        Assert.Equal(MatterStatus.Assigned, matter.Status);
        Assert.True(matter.IsOpen);
        Assert.True(matter.Escalated);
        Assert.Null(matter.ResolvedAt);
        Assert.Null(matter.Satisfaction);
        Assert.Null(matter.ClosedAt);
        var reopened = Assert.IsType<Contracts.Grid.MatterReopened>(Assert.Single(matter.Events.Skip(raised)));
        Assert.Equal((matter.Id, reporterRates ? 1 : 2), (reopened.MatterId, reopened.Satisfaction));

        // Handled again, it is resolved and rated again.
        matter.Resolve("已更换整条线路", Worker, Now.AddDays(1));
        Assert.Equal(MatterStatus.Resolved, matter.Status);
    }

    [Fact]
    public void An_unrated_matter_closes_without_a_score_once_the_rating_window_has_passed_and_not_before()
    {
        var window = TimeSpan.FromDays(7);
        var matter = Resolved(reporterRates: true);

        Assert.Equal("matter.rating", RuleOf(() => matter.CloseUnrated(window, Now.AddDays(6))));
        Assert.Equal(MatterStatus.Resolved, matter.Status);

        var raised = matter.Events.Count;
        matter.CloseUnrated(window, Now.AddDays(7));
        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Null(matter.Satisfaction);
        Assert.Equal(("system", "7 天内未评价，自动销号"), (matter.Timeline[^1].Actor, matter.Timeline[^1].Note));
        var closed = Assert.IsType<Contracts.Grid.MatterClosed>(Assert.Single(matter.Events.Skip(raised)));
        Assert.Null(closed.Satisfaction);
    }

    [Fact]
    public void A_hazard_matter_cannot_be_resolved_or_closed_by_the_grid_while_its_owner_the_hazard_is_open()
    {
        var matter = Matter.OpenFor(MatterSource.Hazard, "h-3", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        matter.Assign("店主", null, Today.AddDays(5), Worker, Now);

        var refused = Assert.Throws<DomainRuleViolationException>(() => matter.Resolve("已换灭火器", Worker, Now));
        Assert.Equal("matter.mirrored", refused.Rule);
        Assert.Contains("h-3", refused.Message);
        Assert.Equal(MatterStatus.Assigned, matter.Status);
    }

    [Fact]
    public void A_rectified_hazard_counts_as_its_matters_resolution_and_closes_it()
    {
        var matter = Matter.OpenFor(MatterSource.Hazard, "h-4", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        var raised = matter.Events.Count;

        Assert.True(matter.CloseForRectifiedHazard(Now.AddDays(2)));

        Assert.Equal(Now.AddDays(2), matter.ResolvedAt);
        Assert.Equal(1, Matter.Resolved(new[] { matter }.AsQueryable(), true).Count());
        var announced = matter.Events.Skip(raised);
        Assert.Equal([typeof(Contracts.Grid.MatterResolved), typeof(Contracts.Grid.MatterClosed)], announced.Select(e => e.GetType()));
    }

    [Fact]
    public void A_reopened_hazard_moves_its_matters_due_date_once()
    {
        var matter = Matter.OpenFor(MatterSource.Hazard, "h-5", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        var steps = matter.Timeline.Count;

        matter.FollowReopenedHazard(Today.AddDays(12), Now.AddDays(4));
        matter.FollowReopenedHazard(Today.AddDays(12), Now.AddDays(4));

        Assert.Equal(Today.AddDays(12), matter.DueOn);
        Assert.Equal(steps + 1, matter.Timeline.Count);
        Assert.Contains(Today.AddDays(12).ToString("yyyy-MM-dd"), matter.Timeline[^1].Note);
        Assert.False(matter.IsOverdue(Today.AddDays(10)));
    }
}

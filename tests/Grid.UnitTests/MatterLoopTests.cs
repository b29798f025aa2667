using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class MatterLoopTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static Matter Reported(string category = "矛盾纠纷") =>
        Matter.Report("G01", category, "3栋2单元", "楼上漏水，邻里协商未果", "网格员", "王网格", null, null, "worker-1", Now).Matter;

    private static Matter Assigned(Guid? member = null)
    {
        var matter = Reported();
        matter.Accept(Today.AddDays(15), null, "worker-1", Now);
        matter.Assign("物业服务中心", member, Today.AddDays(7), "worker-1", Now);
        return matter;
    }

    private static string RuleOf(Action action) => Assert.Throws<DomainRuleViolationException>(action).Rule;

    [Fact]
    public void A_report_is_validated_field_by_field_and_its_event_carries_no_description_or_reporter()
    {
        var errors = Assert.Throws<DomainValidationException>(() =>
            Matter.Report("G01", "噪音", "", "", "邻居", "", null, null, "u", Now)).Errors;
        Assert.Equal(["category", "description", "location", "reporterKind", "reporterName"], errors.Keys.Order());

        var (matter, reported) = Matter.Report("G01", "ElevatorRetrofit", "幸福里7号楼", "居民申请加装电梯", "楼栋长", "李楼长", null, ["p/1.jpg"], "u", Now);
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
        matter.Accept(Today.AddDays(15), "签收", "worker-1", Now);
        matter.StartDeliberation(null, "worker-1", Now);
        matter.Assign("社区调委会", Guid.NewGuid(), Today.AddDays(10), "worker-1", Now);
        var resolved = matter.Resolve("双方达成调解协议", "worker-1", Now);
        matter.Close(5, "回访满意", "worker-1", Now);

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
        { "resolve a reported matter", m => m.Resolve("办了", "u", Now) },
        { "close a reported matter", m => m.Close(5, null, "u", Now) },
        { "assign a reported matter", m => m.Assign("物业", null, Today.AddDays(1), "u", Now) },
        { "deliberate a reported matter", m => m.StartDeliberation(null, "u", Now) },
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
        matter.Return("属于物业合同纠纷，请向物业服务中心反映", "worker-1", Now);
        Assert.Equal(MatterStatus.Returned, matter.Status);
        Assert.False(matter.IsOpen);
        Assert.Equal("matter.transition", RuleOf(() => matter.Accept(Today, null, "u", Now)));
        Assert.Equal("matter.status", RuleOf(() => matter.Escalate("督办", "u", Now)));
        Assert.Throws<DomainValidationException>(() => Reported().Return(" ", "u", Now));
    }

    [Fact]
    public void An_assigned_matter_is_overdue_the_day_after_its_due_date_and_not_on_it()
    {
        var matter = Assigned();
        Assert.False(matter.IsOverdue(Today.AddDays(7)));
        Assert.True(matter.IsOverdue(Today.AddDays(8)));
        matter.Resolve("已修复", "u", Now);
        Assert.False(matter.IsOverdue(Today.AddDays(30)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Satisfaction_is_from_one_to_five(int satisfaction)
    {
        var matter = Assigned();
        matter.Resolve("已修复", "u", Now);
        Assert.True(Assert.Throws<DomainValidationException>(() => matter.Close(satisfaction, null, "u", Now)).Errors.ContainsKey("satisfaction"));
        Assert.Equal(MatterStatus.Resolved, matter.Status);
    }

    [Fact]
    public void A_due_date_in_the_past_is_refused_when_assigning()
    {
        var matter = Reported();
        matter.Accept(Today.AddDays(15), null, "u", Now);
        Assert.True(Assert.Throws<DomainValidationException>(() => matter.Assign("物业", null, Today.AddDays(-1), "u", Now)).Errors.ContainsKey("dueOn"));
    }

    [Fact]
    public void A_hazard_matter_is_signed_for_at_once_due_by_the_deadline_and_a_rectification_closes_it_once()
    {
        var deadline = Today.AddDays(10);
        var (matter, _) = Matter.OpenFor(MatterSource.Hazard, "h-1", "G02", MatterCategory.Safety, "惠民小超市", "一般隐患：灭火器过期", deadline, false, Now);
        Assert.Equal(MatterStatus.Accepted, matter.Status);
        Assert.Equal(deadline, matter.DueOn);
        Assert.True(matter.CloseForRectifiedHazard(Now));
        Assert.False(matter.CloseForRectifiedHazard(Now));
        Assert.Equal(MatterStatus.Closed, matter.Status);
    }

    [Fact]
    public void An_observation_without_a_due_date_waits_to_be_signed_for()
    {
        var (matter, _) = Matter.OpenFor(MatterSource.PatrolObservation, "o-1", "G02", MatterCategory.Safety, "河堤", "护栏缺失", null, false, Now);
        Assert.Equal(MatterStatus.Reported, matter.Status);
        Assert.Null(matter.DueOn);
    }

    [Fact]
    public void Steps_taken_in_the_same_instant_keep_their_order_in_time()
    {
        var (matter, _) = Matter.OpenFor(MatterSource.Hazard, "h-2", "G02", MatterCategory.Safety, "惠民小超市", "灭火器过期", Today.AddDays(5), false, Now);
        Assert.Equal([MatterStatus.Reported, MatterStatus.Accepted], matter.Timeline.OrderBy(t => t.At).Select(t => t.Status));
        Assert.True(matter.Timeline[1].At > matter.Timeline[0].At);
    }
}

using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class RectificationItemTests
{
    private static readonly DateOnly Deadline = new(2026, 6, 15);

    private static RectificationItem Item() =>
        RectificationItem.Record("县委巡察反馈 (2026)", "组织生活", "三会一课记录不全", "支部书记", Deadline, "补齐台账, 每月检查", Now);

    public static TheoryData<string[]?> MissingEvidence => new() { null, Array.Empty<string>(), new[] { " " } };

    [Theory]
    [MemberData(nameof(MissingEvidence))]
    public void Completion_needs_evidence(string[]? evidence)
    {
        var item = Item();

        Assert.Contains("evidence", ErrorsOf(() => item.Complete(Today, "已整改", evidence, Now)).Keys);
        Assert.Equal(RectificationStatus.Open, item.Status);
    }

    [Fact]
    public void A_completed_item_keeps_its_evidence_and_cannot_be_reopened()
    {
        var item = Item();
        item.ReportProgress(" 正在补齐台账 ");

        item.Complete(new DateOnly(2026, 6, 20), null, [" doc-7 "], Now);

        Assert.Equal((RectificationStatus.Completed, new DateOnly(2026, 6, 20), "正在补齐台账"), (item.Status, item.CompletedOn, item.Progress));
        Assert.Equal(["doc-7"], item.Evidence);
        Assert.Equal("rectification.completed", ViolationOf(() => item.ReportProgress("再次整改")).Rule);
        Assert.Equal("rectification.completed", ViolationOf(() => item.Complete(Today, null, ["doc-8"], Now)).Rule);
    }

    [Fact]
    public void An_item_is_overdue_from_the_day_after_its_deadline_until_completed()
    {
        var item = Item();

        Assert.False(item.IsOverdue(Deadline));
        Assert.True(item.IsOverdue(Deadline.AddDays(1)));

        item.Complete(Today, null, ["doc-7"], Now);

        Assert.False(item.IsOverdue(Deadline.AddDays(1)));
    }

    [Fact]
    public void An_item_completed_after_its_deadline_stays_marked_late_and_one_completed_on_it_does_not()
    {
        var late = Item();
        var onTime = Item();
        Assert.False(late.CompletedLate);

        late.Complete(Deadline.AddDays(1), null, ["doc-7"], Now);
        onTime.Complete(Deadline, null, ["doc-8"], Now);

        Assert.True(late.CompletedLate);
        Assert.False(late.IsOverdue(Today));
        Assert.False(onTime.CompletedLate);
    }
}

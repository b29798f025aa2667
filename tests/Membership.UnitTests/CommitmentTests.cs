using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class CommitmentTests
{
    private static readonly DateOnly MadeOn = new(2026, 2, 1);

    private static Commitment Make(int? year = 2026) => Commitment.Make(FullMember(), year, MadeOn, ["每月参加志愿服务", " 联系两户困难群众 "], Now);

    [Fact]
    public void Items_are_numbered_from_one_and_the_year_may_be_at_most_next_year()
    {
        var commitment = Make();

        Assert.Equal([(1, "每月参加志愿服务"), (2, "联系两户困难群众")], commitment.Items.Select(i => (i.Number, i.Content)));
        Assert.Equal(2027, Make(2027).Year);
        Assert.Contains("year", ErrorsOf(() => Make(2028)).Keys);
        Assert.Contains("year", ErrorsOf(() => Make(1999)).Keys);
        Assert.Equal("member.inactive", ViolationOf(() => Commitment.Make(TransferredMember(), 2026, MadeOn, ["承诺"], Now)).Rule);
    }

    [Fact]
    public void An_item_is_fulfilled_once_with_evidence_and_not_before_the_commitment_was_made()
    {
        var commitment = Make();

        Assert.Contains("evidence", ErrorsOf(() => commitment.Fulfil(1, Today, "已完成", [], Now)).Keys);
        Assert.Contains("fulfilledOn", ErrorsOf(() => commitment.Fulfil(1, MadeOn.AddDays(-1), "已完成", ["photo-1"], Now)).Keys);
        Assert.Contains("itemNumber", ErrorsOf(() => commitment.Fulfil(3, Today, "已完成", ["photo-1"], Now)).Keys);

        var item = commitment.Fulfil(1, MadeOn, " 已完成 ", [" photo-1 "], Now);

        Assert.Equal((MadeOn, "已完成"), (item.FulfilledOn, item.FulfilmentNote));
        Assert.Equal(["photo-1"], item.Evidence);
        Assert.Equal("commitment.item-fulfilled", ViolationOf(() => commitment.Fulfil(1, Today, "再次", ["photo-2"], Now)).Rule);
    }
}

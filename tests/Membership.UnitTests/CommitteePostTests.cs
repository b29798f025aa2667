using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class CommitteePostTests
{
    private static readonly DateOnly StartOn = new(2026, 3, 15);

    private static CommitteePost Appoint(Member member, string post, params CommitteePost[] current) =>
        CommitteePost.Appoint(Branch(), member, post, StartOn, current, Now);

    [Fact]
    public void A_post_is_held_from_its_first_to_its_last_day_inclusive()
    {
        var post = Appoint(FullMember(), "书记");

        Assert.Equal((CommitteePostKind.Secretary, "DZB-01"), (post.Post, post.OrganisationCode));
        Assert.False(post.IsHeldOn(StartOn.AddDays(-1)));
        Assert.True(post.IsHeldOn(StartOn));
        Assert.True(post.IsHeldOn(new DateOnly(2099, 1, 1)));

        post.End(new DateOnly(2026, 6, 1));

        Assert.True(post.IsHeldOn(new DateOnly(2026, 6, 1)));
        Assert.False(post.IsHeldOn(new DateOnly(2026, 6, 2)));
    }

    [Fact]
    public void A_member_holds_one_post_and_a_post_has_one_holder()
    {
        var secretary = FullMember("王秀英");
        var current = Appoint(secretary, "Secretary");

        Assert.Equal("committee.one-post-per-member", ViolationOf(() => Appoint(secretary, "组织委员", current)).Rule);
        Assert.Equal("committee.post-taken", ViolationOf(() => Appoint(FullMember("刘志刚"), "书记", current)).Rule);
        Assert.Equal(CommitteePostKind.DeputySecretary, Appoint(FullMember("刘志刚"), "副书记", current).Post);
    }

    [Fact]
    public void A_member_who_has_left_cannot_be_appointed() =>
        Assert.Equal("committee.member-inactive", ViolationOf(() => Appoint(TransferredMember(), "宣传委员")).Rule);

    [Fact]
    public void A_post_ends_once_and_not_before_it_started()
    {
        var post = Appoint(FullMember(), "纪检委员");

        Assert.Contains("endOn", ErrorsOf(() => post.End(StartOn.AddDays(-1))).Keys);
        Assert.Null(post.EndOn);

        post.End(StartOn);

        Assert.Equal("committee.post-ended", ViolationOf(() => post.End(new DateOnly(2026, 6, 1))).Rule);
        Assert.Equal(StartOn, post.EndOn);
    }
}

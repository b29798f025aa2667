using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class ServicePostTests
{
    private static readonly DateOnly ClaimedOn = new(2026, 5, 1);

    private static ServicePost Post(int? capacity = null) => ServicePost.Define("党员服务队", "每周走访独居老人", Branch(), capacity, Now);

    private static ServicePostClaim Claim(ServicePost post, params ServicePostClaim[] current) =>
        post.Claim(FullMember(), holdsOffice: false, current, ClaimedOn, Now);

    [Fact]
    public void Service_posts_are_for_current_members_without_an_office()
    {
        var post = Post();

        Assert.Equal("service-post.office-holder", ViolationOf(() => post.Claim(FullMember(), holdsOffice: true, [], ClaimedOn, Now)).Rule);
        Assert.Equal("member.inactive", ViolationOf(() => post.Claim(TransferredMember(), holdsOffice: false, [], ClaimedOn, Now)).Rule);
    }

    [Fact]
    public void A_post_is_full_once_its_capacity_is_reached_and_a_member_claims_it_once()
    {
        var post = Post(capacity: 2);
        var member = FullMember();
        var first = post.Claim(member, holdsOffice: false, [], ClaimedOn, Now);
        var second = Claim(post, first);

        var full = ViolationOf(() => Claim(post, first, second));

        Assert.Equal("service-post.full", full.Rule);
        Assert.Equal(2, full.Details["capacity"]);
        Assert.Equal("service-post.already-claimed", ViolationOf(() => post.Claim(member, holdsOffice: false, [first], ClaimedOn, Now)).Rule);
        Assert.Equal((post.Id, member.Id, ClaimedOn), (first.PostId, first.MemberId, first.ClaimedOn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void A_capacity_must_be_between_one_and_five_hundred(int capacity) =>
        Assert.Contains("capacity", ErrorsOf(() => Post(capacity)).Keys);

    [Fact]
    public void A_report_needs_a_claim_and_may_not_predate_it()
    {
        var claim = Claim(Post());

        Assert.Equal("service-post.not-claimed", ViolationOf(() => ServicePostReport.File(null, Today, "走访3户", null, Now)).Rule);
        Assert.Contains("reportedOn", ErrorsOf(() => ServicePostReport.File(claim, ClaimedOn.AddDays(-1), "走访3户", null, Now)).Keys);

        var report = ServicePostReport.File(claim, ClaimedOn, " 走访3户 ", [" photo-1 "], Now);

        Assert.Equal((claim.PostId, claim.MemberId, "走访3户"), (report.PostId, report.MemberId, report.Content));
        Assert.Equal(["photo-1"], report.Evidence);
    }

    [Fact]
    public void A_claim_is_released_once_and_not_before_it_was_made()
    {
        var claim = Claim(Post());

        Assert.Contains("releasedOn", ErrorsOf(() => claim.Release(ClaimedOn.AddDays(-1))).Keys);
        claim.Release(ClaimedOn);

        Assert.Equal("service-post.released", ViolationOf(() => claim.Release(Today)).Rule);
        Assert.Equal(ClaimedOn, claim.ReleasedOn);
    }
}

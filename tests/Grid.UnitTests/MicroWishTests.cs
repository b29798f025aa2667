using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class MicroWishTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static MicroWish Wish() => MicroWish.Post("G01", "助学", "想要一套初中辅导书", "孩子上初二，家里条件困难", "王女士", null, Now);

    [Fact]
    public void A_wish_is_posted_in_a_category_of_the_four_lists_by_code_or_label()
    {
        Assert.Equal("ChildCare", Wish().Category);
        Assert.True(Assert.Throws<DomainValidationException>(() => MicroWish.Post("G01", "算命", "t", "d", "p", null, Now)).Errors.ContainsKey("category"));
    }

    [Fact]
    public void A_partner_unit_claims_in_its_own_name_and_the_events_name_it_not_a_member()
    {
        var wish = Wish();
        var partner = PartnerUnit.Pair("县新华书店", null, null, [new PartnerResource("助学", "捐赠图书")], Now);
        wish.Claim(null, partner, null, Now);
        var claimed = Assert.IsType<Contracts.Grid.MicroWishClaimed>(Assert.Single(wish.Events));
        Assert.Equal("县新华书店", wish.ClaimantName);
        Assert.Equal(partner.Id, claimed.PartnerUnitId);
        Assert.Null(claimed.MemberId);
        wish.Fulfil("已送书上门", ["photos/books.jpg"], Now);
        var fulfilled = Assert.IsType<Contracts.Grid.MicroWishFulfilled>(wish.Events[^1]);
        Assert.Equal(partner.Id, fulfilled.PartnerUnitId);
        Assert.Null(fulfilled.MemberId);
    }

    [Fact]
    public void A_claim_names_exactly_one_claimant()
    {
        var partner = PartnerUnit.Pair("县新华书店", null, null, [new PartnerResource("助学", "捐赠图书")], Now);
        Assert.True(Assert.Throws<DomainValidationException>(() => Wish().Claim(Guid.NewGuid(), partner, "张伟", Now)).Errors.ContainsKey("memberId"));
        Assert.True(Assert.Throws<DomainValidationException>(() => Wish().Claim(null, null, "张伟", Now)).Errors.ContainsKey("memberId"));
        Assert.True(Assert.Throws<DomainValidationException>(() => Wish().Claim(Guid.NewGuid(), null, null, Now)).Errors.ContainsKey("claimantName"));
    }

    [Fact]
    public void A_wish_is_claimed_once_and_fulfilled_once()
    {
        var wish = Wish();
        wish.Claim(Guid.NewGuid(), null, "张伟", Now);
        Assert.Equal("micro-wish.not-open", Assert.Throws<DomainRuleViolationException>(() => wish.Claim(Guid.NewGuid(), null, "李娜", Now)).Rule);
        wish.Fulfil("已送达", ["p.jpg"], Now);
        Assert.Equal("micro-wish.not-claimed", Assert.Throws<DomainRuleViolationException>(() => wish.Fulfil("再送", ["p.jpg"], Now)).Rule);
    }
}

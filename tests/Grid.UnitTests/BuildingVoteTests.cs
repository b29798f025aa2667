using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class BuildingVoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);

    private static (BuildingVote Vote, Guid[] Households) OpenVote(int households, string? threshold = null)
    {
        var matter = Matter.Report("G01", "加装电梯", "7号楼", "申请加装电梯", "楼栋长", "李楼长", null, null, new Actor("u", "李楼长"), reporterRates: false, Now);
        var building = Building.Create("G01", "7号楼", null, Now);
        var ids = Enumerable.Range(0, households).Select(_ => Guid.NewGuid()).ToArray();
        return (BuildingVote.Open(matter, building, ids, "是否同意加装电梯", threshold, "2/3", Now), ids);
    }

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(12, 8, true)]
    [InlineData(12, 7, false)]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    public void Two_thirds_of_all_eligible_households_must_consent_counted_exactly(int households, int consents, bool passed)
    {
        var (vote, ids) = OpenVote(households);
        foreach (var (household, i) in ids.Select((h, i) => (h, i)))
        {
            vote.Cast(household, i < consents, Now);
        }

        Assert.Equal(passed, vote.Close(Now));
        Assert.Equal(consents, vote.Consents);
    }

    [Fact]
    public void Households_that_did_not_vote_count_against_the_threshold()
    {
        var (vote, ids) = OpenVote(9);
        foreach (var household in ids.Take(5))
        {
            vote.Cast(household, true, Now);
        }

        Assert.False(vote.Close(Now));
    }

    [Fact]
    public void A_vote_may_set_its_own_threshold()
    {
        var (vote, ids) = OpenVote(4, "3/4");
        foreach (var household in ids.Take(3))
        {
            vote.Cast(household, true, Now);
        }

        Assert.True(vote.Close(Now));
        Assert.Equal((3, 4), (vote.ThresholdNumerator, vote.ThresholdDenominator));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("2/300")]
    [InlineData("two thirds")]
    [InlineData("0.67")]
    public void A_threshold_that_is_not_a_proper_fraction_is_refused(string threshold) =>
        Assert.True(Assert.Throws<DomainValidationException>(() => OpenVote(3, threshold)).Errors.ContainsKey("consentThreshold"));

    [Fact]
    public void Only_eligible_households_vote_once_and_only_while_the_vote_is_open()
    {
        var (vote, ids) = OpenVote(3);
        Assert.Equal("vote.household-not-eligible", Assert.Throws<DomainRuleViolationException>(() => vote.Cast(Guid.NewGuid(), true, Now)).Rule);
        vote.Cast(ids[0], true, Now);
        Assert.Equal("vote.already-voted", Assert.Throws<DomainRuleViolationException>(() => vote.Cast(ids[0], false, Now)).Rule);
        vote.Close(Now);
        Assert.Equal("vote.closed", Assert.Throws<DomainRuleViolationException>(() => vote.Cast(ids[1], true, Now)).Rule);
        Assert.Equal("vote.closed", Assert.Throws<DomainRuleViolationException>(() => vote.Close(Now)).Rule);
    }

    [Fact]
    public void A_building_without_households_cannot_vote() =>
        Assert.Equal("vote.no-households", Assert.Throws<DomainRuleViolationException>(() => OpenVote(0)).Rule);
}

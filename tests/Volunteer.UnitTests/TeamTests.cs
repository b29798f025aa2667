using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class TeamTests
{
    private static Team Formed() => Team.Form("平安义警队", "Patrol", null, Guid.NewGuid(), "县供电公司", "secretary-1", Given.Now);

    [Fact]
    public void A_team_names_its_sponsor_by_id_and_name_together()
    {
        var errors = Assert.Throws<DomainValidationException>(() => Team.Form("", "Sing", null, Guid.NewGuid(), null, "s", Given.Now)).Errors;
        Assert.Equal(["focus", "name", "partnerUnitName"], errors.Keys.Order());
        Assert.Equal(ActivityKind.Patrol, Formed().Focus);
    }

    [Fact]
    public void Members_join_once_and_the_only_leader_cannot_leave_while_others_remain()
    {
        var team = Formed();
        var (leader, member) = (Given.Resident(), Given.Member());
        team.Join(leader, TeamRole.Leader, Given.Now);
        team.Join(member, TeamRole.Member, Given.Now);

        Assert.Equal("team.already-member", Given.RuleOf(() => team.Join(member, TeamRole.Leader, Given.Now)));
        Assert.Equal("team.last-leader", Given.RuleOf(() => team.Leave(leader.Id, Given.Now)));

        team.Leave(member.Id, Given.Now);
        team.Leave(leader.Id, Given.Now);
        Assert.Empty(team.CurrentMembers);
        Assert.Equal(2, team.Members.Count);
        Assert.Equal("team.not-member", Given.RuleOf(() => team.Leave(member.Id, Given.Now)));
        team.Join(member, TeamRole.Member, Given.Now);
        Assert.Single(team.CurrentMembers);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

[Collection(VolunteerApiCollection.Name)]
public sealed class TeamsApiTests(VolunteerApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_team_is_formed_with_its_sponsoring_partner_unit_and_listed()
    {
        var partner = Guid.NewGuid();
        var name = Unique("关爱老人服务队");
        var team = await Client.PostOkAsync("/api/volunteer/teams",
            new { name, focus = "关爱老人", description = "每周探访独居老人", partnerUnitId = partner, partnerUnitName = "县人民医院" });

        Assert.Equal("ElderlyVisit", team.GetProperty("focus").GetString());
        Assert.Equal(partner, team.GetProperty("partnerUnitId").GetGuid());
        Assert.Equal("县人民医院", team.GetProperty("partnerUnitName").GetString());
        var id = team.GetProperty("id").GetGuid();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, Grid);
        Assert.Equal(name, (await resident.GetFromJsonAsync<JsonElement>($"/api/volunteer/teams/{id}")).GetProperty("name").GetString());
        Assert.Contains((await Client.GetFromJsonAsync<JsonElement>("/api/volunteer/teams?limit=200")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_team_needs_a_unique_name_and_a_sponsor_with_both_id_and_name()
    {
        var bad = await Client.PostAsJsonAsync("/api/volunteer/teams", new { name = "", focus = "Dancing", partnerUnitId = Guid.NewGuid() });
        await bad.AssertInvalidFieldsAsync("name", "focus", "partnerUnitName");

        var name = Unique("环境整治队");
        await Client.PostOkAsync("/api/volunteer/teams", new { name });
        await (await Client.PostAsJsonAsync("/api/volunteer/teams", new { name })).AssertRuleAsync("team.name-taken");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member, Grid).PostAsJsonAsync("/api/volunteer/teams", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Leaders_and_members_are_added_and_removed_and_the_only_leader_stays_while_others_remain()
    {
        var team = await Client.FormTeamAsync();
        var (leader, member) = (await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync());

        var added = await Client.PostOkAsync($"/api/volunteer/teams/{team}/members", new { volunteerId = leader, role = "队长" });
        Assert.Equal("Leader", added.GetProperty("role").GetString());
        await Client.PostOkAsync($"/api/volunteer/teams/{team}/members", new { volunteerId = member });
        await (await Client.PostAsJsonAsync($"/api/volunteer/teams/{team}/members", new { volunteerId = member })).AssertRuleAsync("team.already-member");
        await (await Client.PostAsJsonAsync($"/api/volunteer/teams/{team}/members", new { volunteerId = Guid.NewGuid() })).AssertInvalidAsync("volunteerId");
        await (await Client.PostAsJsonAsync($"/api/volunteer/teams/{team}/members", new { volunteerId = member, role = "boss" })).AssertInvalidAsync("role");

        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/teams/{team}");
        Assert.Equal((2, 1), (detail.GetProperty("members").GetInt32(), detail.GetProperty("leaders").GetInt32()));
        var members = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/teams/{team}/members");
        Assert.Equal([leader, member], members.EnumerateArray().Select(m => m.GetProperty("volunteerId").GetGuid()));

        await (await Client.DeleteAsync($"/api/volunteer/teams/{team}/members/{leader}")).AssertRuleAsync("team.last-leader");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/volunteer/teams/{team}/members/{member}")).StatusCode);
        await (await Client.DeleteAsync($"/api/volunteer/teams/{team}/members/{member}")).AssertRuleAsync("team.not-member");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/api/volunteer/teams/{Guid.NewGuid()}/members/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, Grid).GetAsync($"/api/volunteer/teams/{team}/members")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_joins_and_leaves_a_team_as_themselves()
    {
        var account = NewAccount();
        var volunteer = await Client.RegisterVolunteerAsync(account);
        var team = await Client.FormTeamAsync();
        var me = fixture.App.As(CommunityRoles.Member, account, Grid);

        var joined = await me.PostOkAsync($"/api/volunteer/me/teams/{team}", new { });
        Assert.Equal(volunteer, joined.GetProperty("volunteerId").GetGuid());
        Assert.Equal("Member", joined.GetProperty("role").GetString());
        await (await me.PostAsJsonAsync($"/api/volunteer/me/teams/{team}", new { })).AssertRuleAsync("team.already-member");
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync($"/api/volunteer/me/teams/{team}")).StatusCode);
        Assert.Equal(0, (await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/teams/{team}")).GetProperty("members").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsJsonAsync($"/api/volunteer/me/teams/{Guid.NewGuid()}", new { })).StatusCode);
    }
}

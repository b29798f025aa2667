using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class OrganisationsApiTests(MembershipApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task The_tree_is_built_top_down_and_a_party_group_cannot_hang_from_the_general_branch()
    {
        var branch = MembershipApi.UniqueCode("ZB");
        await fixture.CreateOrganisationAsync(branch, "物业服务企业党支部", "党支部", MembershipApiFixture.GeneralBranch);
        await fixture.CreateOrganisationAsync(branch + "-1", "第一党小组", "PartyGroup", branch);

        var misplaced = await Client.PostAsJsonAsync("/api/membership/organisations",
            new { code = MembershipApi.UniqueCode("XZ"), name = "错位党小组", kind = "PartyGroup", parentCode = MembershipApiFixture.GeneralBranch });
        await misplaced.AssertRuleAsync("organisation.parent-kind");

        var unknownParent = await Client.PostAsJsonAsync("/api/membership/organisations",
            new { code = MembershipApi.UniqueCode("XZ"), name = "无上级", kind = "Branch", parentCode = "NOPE" });
        Assert.Contains("names no organisation", await unknownParent.AssertInvalidAsync("parentCode"));

        var duplicate = await Client.PostAsJsonAsync("/api/membership/organisations", new { code = branch, name = "重复", kind = "Branch" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var tree = await Client.GetFromJsonAsync<JsonElement>("/api/membership/organisations");
        var group = tree.EnumerateArray().Single(o => o.GetProperty("code").GetString() == branch + "-1");
        Assert.Equal(branch, group.GetProperty("parentCode").GetString());
        Assert.Equal("党小组", group.GetProperty("kindLabel").GetString());
    }

    [Fact]
    public async Task A_committee_has_one_holder_per_post_and_one_post_per_member_and_shows_on_the_organisation()
    {
        var branch = MembershipApi.UniqueCode("ZW");
        await fixture.CreateOrganisationAsync(branch, "业委会党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var secretary = await Client.RegisterMemberAsync("马国栋", branch);
        var deputy = await Client.RegisterMemberAsync("林美玲", branch);

        var appointed = await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = secretary, post = "书记", startOn = "2024-03-01" });
        Assert.Equal("Secretary", appointed.GetProperty("post").GetString());
        await (await Client.PostAsJsonAsync($"/api/membership/organisations/{branch}/committee", new { memberId = deputy, post = "Secretary", startOn = "2024-03-01" }))
            .AssertRuleAsync("committee.post-taken");
        await (await Client.PostAsJsonAsync($"/api/membership/organisations/{branch}/committee", new { memberId = secretary, post = "组织委员", startOn = "2024-03-01" }))
            .AssertRuleAsync("committee.one-post-per-member");
        Assert.Contains("one of", await (await Client.PostAsJsonAsync($"/api/membership/organisations/{branch}/committee", new { memberId = deputy, post = "主任", startOn = "2024-03-01" }))
            .AssertInvalidAsync("post"));

        var organisation = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/organisations/{branch}");
        Assert.Equal(2, organisation.GetProperty("activeMembers").GetInt32());
        var committee = organisation.GetProperty("committee");
        Assert.Equal(1, committee.GetArrayLength());
        Assert.Equal("马国栋", committee[0].GetProperty("memberName").GetString());

        var postId = appointed.GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee/{postId}/end", new { endOn = MembershipApi.Today.AddDays(-1) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = deputy, post = "书记", startOn = MembershipApi.Today });
        organisation = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/organisations/{branch}");
        Assert.Equal("林美玲", organisation.GetProperty("committee")[0].GetProperty("memberName").GetString());
    }

    [Fact]
    public async Task A_term_ending_within_the_notice_period_is_due_for_renewal()
    {
        var due = MembershipApi.UniqueCode("HJ");
        var fresh = MembershipApi.UniqueCode("HJ");
        await fixture.CreateOrganisationAsync(due, "换届将至党支部", "Branch", MembershipApiFixture.GeneralBranch);
        await fixture.CreateOrganisationAsync(fresh, "新当选党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var elected = MembershipApi.Today.AddYears(-5).AddDays(30);
        var dueNow = await Client.PostOkAsync($"/api/membership/organisations/{due}/elections", new { heldOn = elected }, HttpStatusCode.OK);
        Assert.Equal(elected.AddYears(5).AddDays(-1).ToString("yyyy-MM-dd"), dueNow.GetProperty("termEndsOn").GetString());
        await Client.PostOkAsync($"/api/membership/organisations/{fresh}/elections", new { heldOn = MembershipApi.Today.AddYears(-1) }, HttpStatusCode.OK);

        var renewals = await Client.GetFromJsonAsync<JsonElement>("/api/membership/organisations/renewals-due");
        var codes = renewals.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains(due, codes);
        Assert.DoesNotContain(fresh, codes);

        var future = await Client.PostAsJsonAsync($"/api/membership/organisations/{fresh}/elections", new { heldOn = MembershipApi.Today.AddDays(3) });
        Assert.Contains("future", await future.AssertInvalidAsync("heldOn"));
    }

    [Fact]
    public async Task Unknown_organisations_are_404_and_only_the_secretary_shapes_the_tree()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/membership/organisations/NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/membership/organisations/NOPE/elections", new { heldOn = "2024-01-01" })).StatusCode);

        var staff = fixture.App.CreateClientAs(CommunityRoles.Staff);
        var refused = await staff.PostAsJsonAsync("/api/membership/organisations", new { code = MembershipApi.UniqueCode("ST"), name = "工作人员建的", kind = "Branch" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/membership/organisations")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class MemberLifecycleApiTests(MembershipApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Registering_in_an_organisation_that_does_not_exist_is_a_400_naming_the_field()
    {
        var before = await fixture.ScalarAsync<long>("SELECT count(*) FROM members");
        var response = await Client.PostAsJsonAsync("/api/membership/members", new
        {
            name = "许文博", gender = "男", birthDate = "1990-01-01", education = "本科", organisationCode = "NO-SUCH", gridCode = "G01",
        });
        Assert.Contains("names no organisation", await response.AssertInvalidAsync("organisationCode"));
        Assert.Equal(before, await fixture.ScalarAsync<long>("SELECT count(*) FROM members"));
    }

    [Fact]
    public async Task A_member_is_updated_and_the_update_is_validated_like_a_registration()
    {
        var id = await Client.RegisterMemberAsync("何丽萍");
        var updated = await Client.PutAsJsonAsync($"/api/membership/members/{id}", new
        {
            name = "何丽萍", gender = "女", birthDate = "1985-05-20", education = "研究生", gridCode = "G09", phone = "13800002222",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var member = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{id}");
        Assert.Equal("Postgraduate", member.GetProperty("education").GetString());
        Assert.Equal("G09", member.GetProperty("gridCode").GetString());

        var invalid = await Client.PutAsJsonAsync($"/api/membership/members/{id}", new
        {
            name = "何丽萍", gender = "女", birthDate = "1985-05-20", education = "本科", gridCode = "G09", phone = "12345",
        });
        Assert.Contains("mainland mobile", await invalid.AssertInvalidAsync("phone"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/membership/members/{Guid.NewGuid()}", new { name = "无" })).StatusCode);
    }

    [Fact]
    public async Task A_move_between_organisations_is_kept_as_history()
    {
        var target = MembershipApi.UniqueCode("YD");
        await fixture.CreateOrganisationAsync(target, "调入党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var id = await Client.RegisterMemberAsync("邓卫东");

        await Client.PostOkAsync($"/api/membership/members/{id}/moves", new { organisationCode = target, movedOn = MembershipApi.Today, reason = "居住地变更" });
        await (await Client.PostAsJsonAsync($"/api/membership/members/{id}/moves", new { organisationCode = target, movedOn = MembershipApi.Today }))
            .AssertRuleAsync("member.same-organisation");
        Assert.Contains("names no organisation", await (await Client.PostAsJsonAsync($"/api/membership/members/{id}/moves", new { organisationCode = "NOPE", movedOn = MembershipApi.Today }))
            .AssertInvalidAsync("organisationCode"));

        var member = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{id}");
        Assert.Equal(target, member.GetProperty("organisationCode").GetString());
        var moves = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{id}/moves");
        Assert.Equal(1, moves.GetArrayLength());
        Assert.Equal(MembershipApiFixture.Branch, moves[0].GetProperty("fromCode").GetString());
        Assert.Equal("居住地变更", moves[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Transfer_out_and_death_change_the_status_once_each_with_an_outbox_event()
    {
        var transferred = await Client.RegisterMemberAsync("龚志明");
        var body = await Client.PostOkAsync($"/api/membership/members/{transferred}/transfer-out",
            new { transferredOn = MembershipApi.Today, destination = "市直机关工委第三党支部" }, HttpStatusCode.OK);
        Assert.Equal("TransferredOut", body.GetProperty("status").GetString());
        Assert.Equal("组织关系转出", body.GetProperty("statusLabel").GetString());
        await (await Client.PostAsJsonAsync($"/api/membership/members/{transferred}/transfer-out", new { transferredOn = MembershipApi.Today, destination = "再转" }))
            .AssertRuleAsync("member.inactive");

        var died = await Client.RegisterMemberAsync("田德厚", birthDate: new DateOnly(1940, 2, 2));
        await Client.PostOkAsync($"/api/membership/members/{died}/death", new { diedOn = MembershipApi.Today.AddDays(-3) }, HttpStatusCode.OK);
        await (await Client.PostAsJsonAsync($"/api/membership/members/{died}/death", new { diedOn = MembershipApi.Today })).AssertRuleAsync("member.status");
        Assert.Contains("future", await (await Client.PostAsJsonAsync($"/api/membership/members/{transferred}/death", new { diedOn = MembershipApi.Today.AddDays(5) }))
            .AssertInvalidAsync("diedOn"));

        var events = await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MemberStatusChanged' AND payload->>'memberId' IN ('{transferred}', '{died}')");
        Assert.Equal(2, events);
        var statusEvent = await fixture.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox_messages WHERE message_type LIKE '%MemberStatusChanged' AND payload->>'memberId' = '{transferred}'");
        Assert.DoesNotContain("龚志明", statusEvent);
        Assert.DoesNotContain("市直机关", statusEvent);
    }

    [Fact]
    public async Task The_list_filters_by_status_cohort_education_and_name_prefix()
    {
        var branch = MembershipApi.UniqueCode("LB");
        await fixture.CreateOrganisationAsync(branch, "筛选党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var young = await Client.RegisterMemberAsync("欧阳晓峰", branch, birthDate: MembershipApi.Today.AddYears(-30), education: "大专");
        var sixty = await Client.RegisterMemberAsync("欧阳淑华", branch, birthDate: MembershipApi.Today.AddYears(-60), education: "高中");
        var over = await Client.RegisterMemberAsync("欧文", branch, birthDate: MembershipApi.Today.AddYears(-61), education: "初中及以下");
        await Client.PostOkAsync($"/api/membership/members/{over}/transfer-out", new { transferredOn = MembershipApi.Today, destination = "外地" }, HttpStatusCode.OK);

        async Task<List<Guid>> Ids(string query) =>
            (await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members?organisationCode={branch}&{query}")).GetProperty("items")
                .EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([young, sixty], await Ids("name=欧阳"));
        Assert.Equal([young, sixty, over], await Ids("name=欧"));
        Assert.Equal([sixty], await Ids("name=欧阳淑华&exactName=true"));
        Assert.Empty(await Ids("name=欧阳淑&exactName=true"));
        Assert.Equal([young], await Ids("ageCohort=Under35"));
        Assert.Equal([sixty], await Ids("ageCohort=50-60岁"));
        Assert.Equal([over], await Ids("ageCohort=Over60"));
        Assert.Equal([young], await Ids("education=大专"));
        Assert.Equal([over], await Ids("status=TransferredOut"));
        Assert.Contains("one of", await (await Client.GetAsync("/api/membership/members?ageCohort=teen")).AssertInvalidAsync("ageCohort"));
        Assert.Empty(await Ids("name=%25"));
    }

    [Fact]
    public async Task Reserve_cadres_are_flagged_listed_and_unflagged()
    {
        var id = await Client.RegisterMemberAsync("鲁思远", birthDate: MembershipApi.Today.AddYears(-31));
        await Client.PutAsJsonAsync($"/api/membership/members/{id}/reserve-cadre", new { since = MembershipApi.Today, preparedFor = "社区党委副书记" });

        var cadres = await Client.GetFromJsonAsync<JsonElement>("/api/membership/reserve-cadres");
        var cadre = cadres.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("社区党委副书记", cadre.GetProperty("reserveCadrePost").GetString());

        Assert.Contains("required", await (await Client.PutAsJsonAsync($"/api/membership/members/{id}/reserve-cadre", new { since = MembershipApi.Today }))
            .AssertInvalidAsync("preparedFor"));
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/membership/members/{id}/reserve-cadre")).StatusCode);
        await (await Client.DeleteAsync($"/api/membership/members/{id}/reserve-cadre")).AssertRuleAsync("member.not-reserve-cadre");
        cadres = await Client.GetFromJsonAsync<JsonElement>("/api/membership/reserve-cadres");
        Assert.DoesNotContain(cadres.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }
}

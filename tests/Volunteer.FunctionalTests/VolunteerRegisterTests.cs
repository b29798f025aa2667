using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>Resident volunteers registered directly, skills, linked accounts and the volunteer's own profile.</summary>
[Collection(VolunteerApiCollection.Name)]
public sealed class VolunteerRegisterTests(VolunteerApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_resident_volunteer_is_registered_with_a_name_grid_and_skills_and_can_be_fetched()
    {
        var created = await Client.PostOkAsync("/api/volunteer/volunteers",
            new { displayName = " 王芳 ", phone = "13800138000", gridCode = Grid, skills = new[] { "急救", "手语", "急救" } });

        Assert.Equal("王芳", created.GetProperty("displayName").GetString());
        Assert.Equal("Direct", created.GetProperty("source").GetString());
        Assert.False(created.GetProperty("isPartyMember").GetBoolean());
        Assert.Equal(["急救", "手语"], created.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(Grid, fetched.GetProperty("gridCode").GetString());
        Assert.False(fetched.GetProperty("accountLinked").GetBoolean());
        Assert.Equal("13800138000", fetched.GetProperty("phone").GetString());
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT phone FROM volunteers WHERE id = '{created.GetProperty("id").GetGuid()}'"), "13800138000");
    }

    [Fact]
    public async Task Registration_names_every_bad_field_and_an_unannounced_grid_is_a_400_on_grid_code()
    {
        var bad = await Client.PostAsJsonAsync("/api/volunteer/volunteers", new { displayName = "", phone = "12345", gridCode = Grid, skills = new[] { "" } });
        await bad.AssertInvalidFieldsAsync("displayName", "phone", "skills");

        var unknown = await Client.PostAsJsonAsync("/api/volunteer/volunteers", new { displayName = "李四", gridCode = "NOPE-99" });
        Assert.Contains("NOPE-99", await unknown.AssertInvalidAsync("gridCode"));
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM volunteers WHERE grid_code = 'NOPE-99'"));
    }

    [Fact]
    public async Task Only_organisers_register_volunteers_and_the_phone_is_never_written_to_the_outbox()
    {
        var body = new { displayName = "李四", gridCode = Grid };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/volunteer/volunteers", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).PostAsJsonAsync("/api/volunteer/volunteers", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.App.CreateClientAs(CommunityRoles.VolunteerLeader).PostAsJsonAsync("/api/volunteer/volunteers", body)).StatusCode);

        await Client.RegisterVolunteerAsync();
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%13800138000%'"));
    }

    [Fact]
    public async Task Skills_are_replaced_and_volunteers_are_found_by_skill()
    {
        var id = await Client.RegisterVolunteerAsync();
        var skill = Unique("电工");

        var updated = await Client.PutOkAsync($"/api/volunteer/volunteers/{id}/skills", new { skills = new[] { skill } });
        Assert.Equal([skill], updated.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var found = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?skill={Uri.EscapeDataString(skill)}");
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        await (await Client.PutAsJsonAsync($"/api/volunteer/volunteers/{id}/skills", new { })).AssertInvalidAsync("skills");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/volunteer/volunteers/{Guid.NewGuid()}/skills", new { skills = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task A_linked_account_sees_its_own_profile_one_account_links_one_profile_and_an_unlinked_one_is_told_so()
    {
        var account = NewAccount();
        var id = await Client.RegisterVolunteerAsync();
        var linked = await Client.PutOkAsync($"/api/volunteer/volunteers/{id}/account", new { accountId = account });
        Assert.True(linked.GetProperty("accountLinked").GetBoolean());

        var me = await fixture.App.As(CommunityRoles.Resident, account, Grid).GetFromJsonAsync<JsonElement>("/api/volunteer/me");
        Assert.Equal(id, me.GetProperty("id").GetGuid());

        var other = await Client.RegisterVolunteerAsync();
        await (await Client.PutAsJsonAsync($"/api/volunteer/volunteers/{other}/account", new { accountId = account })).AssertRuleAsync("volunteer.account-taken");
        await (await Client.PutAsJsonAsync($"/api/volunteer/volunteers/{other}/account", new { accountId = " " })).AssertInvalidAsync("accountId");
        await (await fixture.App.As(CommunityRoles.Member, NewAccount(), Grid).GetAsync("/api/volunteer/me")).AssertRuleAsync("volunteer.account-not-linked");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).GetAsync("/api/volunteer/me")).StatusCode);
    }

    [Fact]
    public async Task A_member_volunteer_is_shown_as_a_party_member_volunteer_without_a_name()
    {
        var memberId = Guid.NewGuid();
        var registered = new Contracts.Membership.MemberRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MemberId = memberId, OrganisationCode = "YWH-DZB", GridCode = Grid,
        };
        await fixture.App.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);

        var page = await Eventually.ReturnsAsync(
            () => Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={memberId}"),
            p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(60), "the member volunteer");
        Assert.Equal("党员志愿者", page.GetProperty("items")[0].GetProperty("displayName").GetString());
    }
}

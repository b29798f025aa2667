using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class TalksApiTests(MembershipApiFixture fixture)
{
    [Fact]
    public async Task Only_the_secretary_reads_a_talks_content_and_every_such_read_is_audited()
    {
        var talker = await fixture.Client.RegisterMemberAsync("秦书记");
        var talkedWith = await fixture.Client.RegisterMemberAsync("袁志刚");
        var staff = fixture.App.CreateClientAs(CommunityRoles.Staff);
        var talk = await staff.PostOkAsync("/api/membership/talks", new
        {
            talkerMemberId = talker, talkedWithMemberId = talkedWith, heldOn = MembershipApi.Today, topic = "思想动态", content = "谈及家庭困难与工作压力，表示愿意参加党员志愿服务。",
        });
        var id = talk.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.Null, talk.GetProperty("content").ValueKind);

        var asStaff = await staff.GetFromJsonAsync<JsonElement>($"/api/membership/talks/{id}");
        Assert.Equal("思想动态", asStaff.GetProperty("topic").GetString());
        Assert.Equal(JsonValueKind.Null, asStaff.GetProperty("content").ValueKind);
        var staffList = await staff.GetFromJsonAsync<JsonElement>($"/api/membership/talks?memberId={talkedWith}");
        Assert.Equal(JsonValueKind.Null, staffList[0].GetProperty("content").ValueKind);
        Assert.Equal(0, await AuditRowsAsync(id));

        var asSecretary = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/membership/talks/{id}");
        Assert.StartsWith("谈及家庭困难", asSecretary.GetProperty("content").GetString());
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT content FROM talks WHERE id = '{id}'"), "家庭困难");
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT phone FROM members WHERE id = '{talker}'"), "13700001111");
        await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/membership/talks?memberId={talkedWith}");
        Assert.Equal(2, await AuditRowsAsync(id));

        var member = fixture.App.CreateClientAs(CommunityRoles.Member, "G02");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/membership/talks/{id}")).StatusCode);
        Assert.Contains("someone other", await (await staff.PostAsJsonAsync("/api/membership/talks", new
        {
            talkerMemberId = talker, talkedWithMemberId = talker, heldOn = MembershipApi.Today, topic = "自己", content = "自言自语",
        })).AssertInvalidAsync("talkedWithMemberId"));
    }

    [Fact]
    public async Task A_talk_with_a_control_character_is_a_400_naming_the_field_and_is_not_recorded()
    {
        var talker = await fixture.Client.RegisterMemberAsync("谭书记");
        var talkedWith = await fixture.Client.RegisterMemberAsync("邓志强");

        var response = await fixture.Client.PostAsJsonAsync("/api/membership/talks", new
        {
            talkerMemberId = talker, talkedWithMemberId = talkedWith, heldOn = MembershipApi.Today, topic = "思想动态", content = "谈及\0家庭困难",
        });

        Assert.Contains("must not contain control characters", await response.AssertInvalidAsync("content"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM talks WHERE talker_member_id = '{talker}'"));
    }

    private Task<long> AuditRowsAsync(Guid talkId) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'talk_content_read' AND subject = '{talkId}'");
}

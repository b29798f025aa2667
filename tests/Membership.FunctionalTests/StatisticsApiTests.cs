using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class StatisticsApiTests(MembershipApiFixture fixture)
{
    private static readonly DateOnly Today = MembershipApi.Today;

    [Fact]
    public async Task The_statistics_count_what_was_loaded_in_the_period()
    {
        var client = fixture.Client;
        var branch = MembershipApi.UniqueCode("TJ");
        await fixture.CreateOrganisationAsync(branch, "统计党支部", "Branch", MembershipApiFixture.GeneralBranch);
        var from = Today.AddDays(-30);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/membership/statistics?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");

        var young = await client.RegisterMemberAsync("易小川", branch, birthDate: Today.AddYears(-25), education: "本科");
        var middle = await client.RegisterMemberAsync("卢红英", branch, birthDate: Today.AddYears(-45), education: "高中");
        await client.PostOkAsync($"/api/membership/organisations/{branch}/committee", new { memberId = young, post = "书记", startOn = Today.AddDays(-10) });
        await client.PutAsJsonAsync($"/api/membership/members/{young}/reserve-cadre", new { since = Today, preparedFor = "社区两委委员" });
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var meeting = await client.PostOkAsync("/api/membership/meetings", new { organisationCode = branch, kind = "PartyLecture", title = "书记讲党课", startsAt = start, endsAt = start.AddHours(1) });
        await client.PostOkAsync($"/api/membership/meetings/{meeting.GetProperty("id").GetGuid()}/record", new
        {
            topic = "以学铸魂", attendance = new object[] { new { memberId = young, status = "出席" }, new { memberId = middle, status = "缺席", reason = "值班" } },
        }, HttpStatusCode.OK);
        await client.PostOkAsync("/api/membership/rectifications", new { source = "统计测试", category = "组织建设", finding = "台账不全", owner = "书记", deadline = Today, measures = "补齐" });

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/membership/statistics?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        int Delta(params string[] path) => Figure(after, path) - Figure(before, path);

        Assert.Equal(2, Delta("members", "total"));
        Assert.Equal(1, Delta("members", "collegeOrAbove"));
        Assert.Equal(1, Delta("members", "byAgeCohort", "Under35"));
        Assert.Equal(1, Delta("members", "byAgeCohort", "From35To50"));
        Assert.Equal(1, Delta("members", "byEducation", "HighSchool"));
        Assert.Equal(1, Delta("meetings", "byKind", "PartyLecture", "held"));
        Assert.Equal(1, Delta("reserveCadres", "under35"));
        Assert.Equal(1, Delta("rectification", "total"));
        var lectures = await client.GetFromJsonAsync<JsonElement>($"/api/membership/statistics?from={Today.AddDays(-4):yyyy-MM-dd}&to={Today.AddDays(-2):yyyy-MM-dd}");
        Assert.True(Figure(lectures, "meetings", "byKind", "PartyLecture", "held") >= 1);
        var committee = after.GetProperty("committees").EnumerateArray().Single(c => c.GetProperty("organisationCode").GetString() == branch);
        Assert.Equal(1, committee.GetProperty("under35").GetInt32());
        Assert.Equal(1, committee.GetProperty("collegeOrAbove").GetInt32());
        Assert.Equal(2, after.GetProperty("members").GetProperty("byOrganisation").EnumerateArray().Single(o => o.GetProperty("code").GetString() == branch).GetProperty("members").GetInt32());

        // A period before the meeting does not count it.
        var earlier = await client.GetFromJsonAsync<JsonElement>($"/api/membership/statistics?from={Today.AddYears(-2):yyyy-MM-dd}&to={Today.AddYears(-1):yyyy-MM-dd}");
        Assert.Equal(0, Figure(earlier, "meetings", "byKind", "PartyLecture", "held"));

        Assert.Contains("before from", await (await client.GetAsync($"/api/membership/statistics?from={Today:yyyy-MM-dd}&to={Today.AddDays(-1):yyyy-MM-dd}")).AssertInvalidAsync("to"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/membership/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G02").GetAsync("/api/membership/statistics")).StatusCode);
    }

    private static int Figure(JsonElement statistics, params string[] path) => path.Aggregate(statistics, (e, p) => e.GetProperty(p)).GetInt32();
}

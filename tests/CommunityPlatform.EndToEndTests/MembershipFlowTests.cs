using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.EndToEndTests;

/// <summary>The party ledger through the gateway, and the events it publishes reaching the volunteer service.</summary>
[Collection(SuiteCollection.Name)]
public sealed class MembershipFlowTests(SuiteFixture suite)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_candidate_admitted_through_the_gateway_becomes_a_party_volunteer_and_stops_being_active_when_transferred_out()
    {
        await suite.CreateOrganisationAsync("E2E-DZB", "端到端党总支", "GeneralBranch");
        await suite.CreateOrganisationAsync("E2E-WG", "端到端网格党支部", "Branch", "E2E-DZB");
        var sponsors = new[] { await RegisterAsync("周建国", "E2E-WG"), await RegisterAsync("吴桂芳", "E2E-WG") };

        var applicant = await PostAsync("/api/membership/pipeline", new
        {
            name = "郑晓雯", gender = "女", birthDate = "1996-04-18", education = "本科",
            organisationCode = "E2E-WG", gridCode = "G07", appliedOn = Today.AddYears(-3),
        });
        var id = applicant.GetProperty("id").GetGuid();
        await PostAsync($"/api/membership/pipeline/{id}/activist", new { on = Today.AddYears(-2), contactMemberIds = sponsors }, HttpStatusCode.OK);
        await PostAsync($"/api/membership/pipeline/{id}/candidate", new { on = Today.AddYears(-1) }, HttpStatusCode.OK);
        var admitted = await PostAsync($"/api/membership/pipeline/{id}/admission", new { on = Today.AddMonths(-6), sponsorMemberIds = sponsors }, HttpStatusCode.OK);
        var memberId = admitted.GetProperty("memberId").GetGuid();

        // The one-year probation rule answers through the gateway with the earliest allowed date.
        var early = await suite.Gateway.PostAsJsonAsync($"/api/membership/pipeline/{id}/full-membership", new { on = Today });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pipeline.probation-one-year", problem.GetProperty("rule").GetString());
        Assert.Equal(Today.AddMonths(-6).AddYears(1).ToString("yyyy-MM-dd"), problem.GetProperty("earliestAllowedOn").GetString());

        var volunteer = await VolunteerOfAsync(memberId, v => v.GetProperty("isPartyMember").GetBoolean());
        Assert.Equal("G07", volunteer.GetProperty("gridCode").GetString());

        await PostAsync($"/api/membership/members/{memberId}/transfer-out", new { transferredOn = Today, destination = "县城关镇第二社区党支部" }, HttpStatusCode.OK);
        volunteer = await VolunteerOfAsync(memberId, v => !v.GetProperty("active").GetBoolean());
        Assert.False(volunteer.GetProperty("isPartyMember").GetBoolean());
    }

    [Fact]
    public async Task A_secretary_loads_a_branch_through_the_gateway_and_the_statistics_count_it()
    {
        await suite.CreateOrganisationAsync("STAT-DZB", "统计党总支", "GeneralBranch");
        await suite.CreateOrganisationAsync("STAT-WG", "统计网格党支部", "Branch", "STAT-DZB");
        var before = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/membership/statistics");
        var young = await RegisterAsync("孙浩然", "STAT-WG", birthDate: Today.AddYears(-28), education: "大专");
        var older = await RegisterAsync("钱淑珍", "STAT-WG", birthDate: Today.AddYears(-62), education: "初中及以下");

        var meeting = await PostAsync("/api/membership/meetings", new
        {
            organisationCode = "STAT-WG", kind = "StudySession", title = "学习党的二十大精神",
            startsAt = DateTimeOffset.UtcNow.AddDays(-2), endsAt = DateTimeOffset.UtcNow.AddDays(-2).AddHours(2),
        });
        await PostAsync($"/api/membership/meetings/{meeting.GetProperty("id").GetGuid()}/record", new
        {
            topic = "学习党的二十大报告",
            attendance = new object[] { new { memberId = young, status = "出席" }, new { memberId = older, status = "缺席", reason = "住院" } },
        }, HttpStatusCode.OK);

        var after = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/membership/statistics");
        int Figure(JsonElement statistics, params string[] path) => path.Aggregate(statistics, (e, p) => e.GetProperty(p)).GetInt32();
        Assert.Equal(Figure(before, "members", "total") + 2, Figure(after, "members", "total"));
        Assert.Equal(Figure(before, "members", "byAgeCohort", "Under35") + 1, Figure(after, "members", "byAgeCohort", "Under35"));
        Assert.Equal(Figure(before, "members", "byAgeCohort", "Over60") + 1, Figure(after, "members", "byAgeCohort", "Over60"));
        Assert.Equal(Figure(before, "members", "collegeOrAbove") + 1, Figure(after, "members", "collegeOrAbove"));
        Assert.Equal(Figure(before, "meetings", "byKind", "StudySession", "held") + 1, Figure(after, "meetings", "byKind", "StudySession", "held"));
        var branch = after.GetProperty("members").GetProperty("byOrganisation").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "STAT-WG");
        Assert.Equal(2, branch.GetProperty("members").GetInt32());
    }

    private async Task<Guid> RegisterAsync(string name, string organisation, DateOnly? birthDate = null, string education = "本科")
    {
        var member = await PostAsync("/api/membership/members", new
        {
            name, gender = "男", birthDate = birthDate ?? new DateOnly(1975, 6, 1), education, organisationCode = organisation, gridCode = "G07",
        });
        return member.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await suite.Gateway.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> VolunteerOfAsync(Guid memberId, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var items = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={memberId}")).GetProperty("items");
            if (items.GetArrayLength() == 1 && until(items[0]))
            {
                return items[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the volunteer profile of member {memberId} did not reach the expected state: {items}");
            await Task.Delay(250);
        }
    }
}

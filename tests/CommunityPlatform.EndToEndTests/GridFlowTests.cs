using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.EndToEndTests;

/// <summary>The matter loop and micro-wishes through the gateway, and the points they earn a member in the membership service.</summary>
[Collection(SuiteCollection.Name)]
public sealed class GridFlowTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_matter_resolved_by_a_member_and_a_wish_they_fulfilled_earn_them_points_in_the_membership_service()
    {
        await suite.CreateOrganisationAsync("PT-DZB", "积分测试党支部", "Branch");
        var member = (await suite.Gateway.PostOkAsync("/api/membership/members", new
        {
            name = "罗建军", gender = "男", birthDate = "1980-03-03", education = "大专", organisationCode = "PT-DZB", gridCode = "PT1",
        })).GetProperty("id").GetGuid();
        await suite.Gateway.PostOkAsync("/api/grid/grids", new { code = "PT1", name = "积分测试网格" });

        var matter = (await suite.Gateway.PostOkAsync("/api/grid/matters", new
        {
            gridCode = "PT1", category = "矛盾纠纷", location = "5栋1单元", description = "楼上楼下噪音纠纷", reporterKind = "网格员", reporterName = "王网格",
        })).GetProperty("id").GetGuid();
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matter}/accept", new { }, HttpStatusCode.OK);
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matter}/assign", new
        {
            handler = "党员调解员", handlerMemberId = member, dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5),
        }, HttpStatusCode.OK);
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matter}/resolve", new { resolution = "双方签订调解协议" }, HttpStatusCode.OK);

        var wish = (await suite.Gateway.PostOkAsync("/api/grid/micro-wishes", new
        {
            gridCode = "PT1", category = "助老", title = "想要一台收音机", description = "独居老人想听戏", posterName = "陈大爷",
        })).GetProperty("id").GetGuid();
        await suite.Gateway.PostOkAsync($"/api/grid/micro-wishes/{wish}/claim", new { memberId = member, claimantName = "罗建军" }, HttpStatusCode.OK);
        await suite.Gateway.PostOkAsync($"/api/grid/micro-wishes/{wish}/fulfilment", new { note = "已送达", evidence = new[] { "photos/radio.jpg" } }, HttpStatusCode.OK);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement ledger;
        do
        {
            await Task.Delay(250);
            ledger = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points");
        }
        while (ledger.GetProperty("entries").GetArrayLength() < 2 && DateTime.UtcNow < deadline);

        var sources = ledger.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("source").GetString()).ToList();
        Assert.Contains($"matter:{matter}", sources);
        Assert.Contains($"micro-wish:{wish}", sources);
        Assert.Equal(5m, ledger.GetProperty("total").GetDecimal());
    }
}

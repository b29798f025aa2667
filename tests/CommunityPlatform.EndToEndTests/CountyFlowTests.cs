using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// The county platform's round trip through the gateway with a client-credentials token: a case handed down, signed
/// for by the office, handled as a grid matter, and its status back on GET of the case and on the event feed.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CountyFlowTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_case_from_the_county_becomes_a_grid_matter_and_its_resolution_and_closing_flow_back_to_the_county()
    {
        var county = await suite.GatewayAsClientAsync("county-platform", "county-demo-secret");
        await suite.EnsureGridAsync("CF1", "县级交办测试网格");
        var start = await FeedEndAsync(county);

        var countyCaseId = "XJ-E2E-" + Guid.NewGuid().ToString("N")[..8];
        var body = new Dictionary<string, object?>
        {
            ["county_case_id"] = countyCaseId, ["service_code"] = "environment", ["description"] = "小区北门垃圾堆放多日无人清运",
            ["address"] = "幸福小区北门", ["lat"] = 27.81, ["long"] = 112.94, ["requested_datetime"] = DateTimeOffset.UtcNow.AddHours(-1),
            ["expected_datetime"] = DateTimeOffset.UtcNow.AddDays(3),
        };
        var created = await county.PostOkAsync("/api/county/cases", body);
        var id = created.GetProperty("service_request_id").GetGuid();
        Assert.Equal("received", created.GetProperty("state").GetString());
        Assert.Equal(id, (await county.PostOkAsync("/api/county/cases", body, HttpStatusCode.OK)).GetProperty("service_request_id").GetGuid());

        await (await suite.Gateway.PostAsJsonAsync($"/api/county/cases/{id}/sign-for", new { grid_code = "NO-SUCH-GRID" })).AssertInvalidAsync("grid_code");
        Assert.Equal("signed_for", (await suite.Gateway.PostOkAsync($"/api/county/cases/{id}/sign-for", new { grid_code = "CF1" }, HttpStatusCode.OK))
            .GetProperty("state").GetString());

        var matter = await Eventually.ReturnsAsync(
            async () => (await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/grid/matters?gridCode=CF1&limit=200")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("sourceId").GetString() == id.ToString()),
            m => m.ValueKind == JsonValueKind.Object, Patience, "the matter in grid CF1");
        Assert.Equal("CountyCase", matter.GetProperty("source").GetString());
        Assert.Equal("Accepted", matter.GetProperty("status").GetString());
        var matterId = matter.GetProperty("id").GetGuid();
        Assert.Equal(matterId, (await CaseInStateAsync(county, id, "in_progress")).GetProperty("matter_id").GetGuid());

        var gridWorker = await suite.GatewayAsAsync("gridworker2");
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PostAsJsonAsync($"/api/grid/matters/{matterId}/resolve", new { resolution = "x" })).StatusCode);
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matterId}/assign", new { handler = "环卫所", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2) }, HttpStatusCode.OK);
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matterId}/resolve", new { resolution = "已联系环卫所清运完毕" }, HttpStatusCode.OK);
        Assert.Equal("open", (await CaseInStateAsync(county, id, "resolved")).GetProperty("status").GetString());
        await suite.Gateway.PostOkAsync($"/api/grid/matters/{matterId}/close", new { satisfaction = 5 }, HttpStatusCode.OK);
        var closed = await CaseInStateAsync(county, id, "closed");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已回访销号，满意度 5/5", closed.GetProperty("status_notes").GetString());

        var changes = new List<JsonElement>();
        var cursor = start;
        await Eventually.ReturnsAsync(async () =>
        {
            var page = await county.GetFromJsonAsync<JsonElement>($"/api/county/events?after={cursor}&limit=50");
            changes.AddRange(page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == id.ToString()));
            cursor = page.GetProperty("next_cursor").GetString();
            return changes.Select(e => e.GetProperty("data").TryGetProperty("state", out var s) ? s.GetString() : null).ToList();
        }, states => states.Contains("closed"), Patience, "the closing on the feed");
        Assert.Equal(
            ["received", "signed_for", null, "in_progress", "resolved", "closed"],
            changes.Select(e => e.GetProperty("data").TryGetProperty("state", out var s) ? s.GetString() : null));
        Assert.Equal(closed.GetProperty("status_notes").GetString(), changes[^1].GetProperty("data").GetProperty("status_notes").GetString());
        Assert.Equal("closed", changes[^1].GetProperty("data").GetProperty("status").GetString());

        var resident = await suite.GatewayAsAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/county/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/county/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync($"/api/county/cases/{id}/sign-for", new { grid_code = "CF1" })).StatusCode);
    }

    private static async Task<string> FeedEndAsync(HttpClient county)
    {
        var cursor = "";
        while (true)
        {
            var page = await county.GetFromJsonAsync<JsonElement>($"/api/county/events?after={cursor}&limit=200");
            cursor = page.GetProperty("next_cursor").GetString()!;
            if (page.GetProperty("events").GetArrayLength() < 200)
            {
                return cursor;
            }
        }
    }

    private static Task<JsonElement> CaseInStateAsync(HttpClient county, Guid id, string state) =>
        Eventually.ReturnsAsync(
            () => county.GetFromJsonAsync<JsonElement>($"/api/county/cases/{id}"),
            c => c.GetProperty("state").GetString() == state, Patience, $"the case {state}");
}

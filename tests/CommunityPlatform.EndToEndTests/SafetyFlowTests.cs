using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// Safety inspection through the gateway and across the broker: the grid service's grids reach safety as reference
/// data, a failed checklist item becomes a hazard and a matter on the grid worker's board, and the re-inspection that
/// passes closes both; a resident's safety matter becomes an inspection task.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SafetyFlowTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_failed_item_of_a_restaurant_inspection_becomes_a_hazard_and_a_matter_and_the_passed_reinspection_closes_both()
    {
        await suite.EnsureGridAsync("G02", "安全测试网格");
        var inspector = await suite.GatewayAsAsync("inspector");
        var gridWorker = await suite.GatewayAsAsync("gridworker");

        // The grid reaches safety through the broker; until it has, a venue in it is refused as an unknown grid.
        var venue = await SuiteFixture.PostUntilCreatedAsync(inspector, "/api/safety/venues", new
        {
            name = "老刘家常菜馆", kind = "小餐饮", gridCode = "G02", address = "滨河路 18 号", ownerName = "刘建华", floorArea = 120, capacity = 40,
        });
        var venueId = venue.GetProperty("id").GetGuid();

        var inspection = await inspector.PostOkAsync("/api/safety/inspections", new { venueId });
        var inspectionId = inspection.GetProperty("id").GetGuid();
        Assert.Equal("small-restaurant", inspection.GetProperty("templateCode").GetString());
        var items = inspection.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 8, "the shipped restaurant checklist has its items");

        var failed = items.First(i => i.GetProperty("evidenceRequired").GetBoolean());
        var failedNumber = failed.GetProperty("number").GetInt32();
        foreach (var item in items)
        {
            var number = item.GetProperty("number").GetInt32();
            object answer = number == failedNumber
                ? new { result = "Fail", notes = "后厨通道堆放纸箱", photos = new[] { "photos/kitchen-exit.jpg" } }
                : new { result = "Pass" };
            await inspector.PutOkAsync($"/api/safety/inspections/{inspectionId}/items/{number}", answer);
        }

        var completed = await inspector.PostOkAsync($"/api/safety/inspections/{inspectionId}/complete", new { }, HttpStatusCode.OK);
        var hazard = Assert.Single(completed.GetProperty("hazards").EnumerateArray().ToList());
        var hazardId = hazard.GetProperty("id").GetGuid();
        var deadline = hazard.GetProperty("deadline").GetString();

        // The grid worker of G02 sees it on their board, signed for and due by the rectification deadline.
        var matter = await Eventually.ReturnsAsync(async () => await HazardMatterAsync(gridWorker, hazardId), m => m is not null, Patience, "the hazard's matter");
        Assert.Equal("Accepted", matter!.Value.GetProperty("status").GetString());
        Assert.Equal(deadline, matter.Value.GetProperty("dueOn").GetString());

        // The hazard owns the matter's lifecycle: the grid cannot resolve it behind the safety service's back.
        var matterId = matter.Value.GetProperty("id").GetGuid();
        await (await gridWorker.PostAsJsonAsync($"/api/grid/matters/{matterId}/resolve", new { resolution = "已整改" })).AssertRuleAsync("matter.mirrored");

        // A failed re-inspection reopens the hazard with a new deadline, and the matter follows it.
        await gridWorker.PostOkAsync($"/api/safety/hazards/{hazardId}/submission", new { notes = "纸箱已挪开", photos = new[] { "photos/kitchen-exit-1.jpg" } }, HttpStatusCode.OK);
        var newDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(12).ToString("yyyy-MM-dd");
        await inspector.PostOkAsync($"/api/safety/hazards/{hazardId}/reinspection", new { passed = false, notes = "纸箱仍堆在通道口", deadline = newDeadline }, HttpStatusCode.OK);
        await Eventually.ReturnsAsync(async () => await HazardMatterAsync(gridWorker, hazardId),
            m => m?.GetProperty("dueOn").GetString() == newDeadline, Patience, "the matter due by the reopened hazard's new deadline");

        await gridWorker.PostOkAsync($"/api/safety/hazards/{hazardId}/submission", new { notes = "纸箱已清理", photos = new[] { "photos/kitchen-exit-clear.jpg" } }, HttpStatusCode.OK);
        var closed = await inspector.PostOkAsync($"/api/safety/hazards/{hazardId}/reinspection", new { passed = true }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var closedMatter = await Eventually.ReturnsAsync(async () => await HazardMatterAsync(gridWorker, hazardId),
            m => m?.GetProperty("status").GetString() == "Closed", Patience, "the matter closed by the rectification");
        Assert.Equal("closed", closedMatter!.Value.GetProperty("open311Status").GetString());
        // Closed through its hazard, it counts as a resolved matter.
        var resolved = await gridWorker.GetFromJsonAsync<JsonElement>("/api/grid/matters?gridCode=G02&category=Safety&resolved=true&limit=200");
        Assert.Contains(resolved.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == matterId);

        var venueAfter = await inspector.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{venueId}");
        Assert.Equal(0, venueAfter.GetProperty("openHazards").GetInt32());
    }

    [Fact]
    public async Task A_safety_matter_a_resident_reports_becomes_one_inspection_task()
    {
        await suite.EnsureGridAsync("G02", "安全测试网格");
        var matter = await suite.Gateway.PostOkAsync("/api/grid/matters", new
        {
            gridCode = "G02", category = "安全隐患", location = "7栋楼道", description = "楼道内电动车飞线充电", reporterKind = "居民", reporterName = "周阿姨",
        });
        var matterId = matter.GetProperty("id").GetGuid();

        var task = await Eventually.ReturnsAsync(async () => await TaskForMatterAsync(matterId), t => t is not null, Patience, "the inspection task");
        Assert.Equal("Open", task!.Value.GetProperty("status").GetString());
        Assert.Equal("7栋楼道", task.Value.GetProperty("location").GetString());

        var tasks = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/safety/inspection-tasks?gridCode=G02&limit=200");
        Assert.Single(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("matterId").GetGuid() == matterId);
    }

    private async Task<JsonElement?> TaskForMatterAsync(Guid matterId)
    {
        var tasks = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/safety/inspection-tasks?gridCode=G02&limit=200");
        return tasks.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("matterId").GetGuid() == matterId);
    }

    private static async Task<JsonElement?> HazardMatterAsync(HttpClient client, Guid hazardId)
    {
        var matters = await client.GetFromJsonAsync<JsonElement>("/api/grid/matters?gridCode=G02&category=Safety&limit=200");
        return matters.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
            .FirstOrDefault(m => m!.Value.GetProperty("source").GetString() == "Hazard" && m.Value.GetProperty("sourceId").GetString() == hazardId.ToString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class InspectionTasksApiTests(SafetyApiFixture fixture)
{
    private const string Consumer = "CreateInspectionTaskConsumer";

    private HttpClient Client => fixture.Client;

    private static MatterReported Matter(string grid, string category = "Safety", string source = "Report", Guid? matterId = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        MatterId = matterId ?? Guid.NewGuid(),
        GridCode = grid,
        Category = category,
        Location = "5栋楼道电动车充电",
        ReportedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
        Source = source,
    };

    private async Task<JsonElement> ReportedTaskAsync(string grid)
    {
        var matter = Matter(grid);
        await fixture.PublishAsync(matter, matter.EventId);
        var tasks = await Eventually.ReturnsAsync(() => Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}"), t => t.Count > 0, SafetyApiFixture.Patience, "the inspection task");
        return Assert.Single(tasks);
    }

    [Fact]
    public async Task A_safety_matter_a_resident_reported_becomes_one_task_however_often_it_arrives()
    {
        var grid = fixture.NewGrid();
        var matter = Matter(grid);
        var again = matter with { EventId = Guid.NewGuid() };

        await fixture.PublishAsync(matter, matter.EventId);
        await fixture.PublishAsync(matter, matter.EventId);
        await fixture.PublishAsync(again, again.EventId);
        await fixture.WaitHandledAsync(matter.EventId, Consumer);
        await fixture.WaitHandledAsync(again.EventId, Consumer);

        var task = Assert.Single(await Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}"));
        Assert.Equal((matter.MatterId, "Open", "5栋楼道电动车充电"), (task.GetProperty("matterId").GetGuid(), task.Text("status"), task.Text("location")));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM inspection_tasks WHERE matter_id = '{matter.MatterId}'"));
        Assert.Equal(task.Id(), (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspection-tasks/{task.Id()}")).Id());
    }

    [Fact]
    public async Task A_matter_reported_with_a_local_time_raises_its_task_at_that_instant()
    {
        var grid = fixture.NewGrid();
        var reportedAt = new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(8));
        var matter = Matter(grid) with { ReportedAt = reportedAt };

        await fixture.PublishAsync(matter, matter.EventId);

        var tasks = await Eventually.ReturnsAsync(() => Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}"), t => t.Count > 0, SafetyApiFixture.Patience, "the inspection task");
        Assert.Equal(reportedAt, Assert.Single(tasks).GetProperty("reportedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Matters_the_grid_opened_for_hazards_or_of_other_categories_raise_no_task()
    {
        var grid = fixture.NewGrid();
        var echo = Matter(grid, source: "Hazard");
        var dispute = Matter(grid, category: "Dispute");

        await fixture.PublishAsync(echo, echo.EventId);
        await fixture.PublishAsync(dispute, dispute.EventId);
        await fixture.WaitHandledAsync(echo.EventId, Consumer);
        await fixture.WaitHandledAsync(dispute.EventId, Consumer);

        Assert.Empty(await Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM inspection_tasks WHERE grid_code = '{grid}'"));
    }

    [Fact]
    public async Task A_task_is_closed_with_what_was_found_once()
    {
        var grid = fixture.NewGrid();
        var task = await ReportedTaskAsync(grid);

        await (await Client.PostAsJsonAsync($"/api/safety/inspection-tasks/{task.Id()}/close", new { outcome = " " })).AssertInvalidAsync("outcome");
        var closed = await Client.PostOkAsync($"/api/safety/inspection-tasks/{task.Id()}/close", new { outcome = "现场核实无隐患" }, HttpStatusCode.OK);

        Assert.Equal(("Done", "现场核实无隐患"), (closed.Text("status"), closed.Text("outcome")));
        await (await Client.PostAsJsonAsync($"/api/safety/inspection-tasks/{task.Id()}/close", new { outcome = "再次关闭" })).AssertRuleAsync("task.done");
        Assert.Single(await Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}&status=Done"));
        Assert.Empty(await Client.ItemsAsync($"/api/safety/inspection-tasks?gridCode={grid}&status=Open"));
        await (await Client.GetAsync("/api/safety/inspection-tasks?status=Lost")).AssertInvalidAsync("status");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/safety/inspection-tasks/{Guid.NewGuid()}/close", new { outcome = "无" })).StatusCode);
    }

    [Fact]
    public async Task An_inspection_answering_a_task_marks_it_done_when_completed()
    {
        var grid = fixture.NewGrid();
        var task = await ReportedTaskAsync(grid);
        var venueId = await Client.RegisterVenueIdAsync(grid, "SmallShop", "5栋楼下小卖部");
        var elsewhere = await Client.RegisterVenueIdAsync(fixture.NewGrid(), "SmallShop", "别处小店");

        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId = elsewhere, taskId = task.Id() })).AssertInvalidAsync("taskId");
        var inspection = await Client.StartInspectionAsync(venueId, taskId: task.Id());
        Assert.Equal(task.Id(), inspection.GetProperty("taskId").GetGuid());
        Assert.Equal("Open", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspection-tasks/{task.Id()}")).Text("status"));
        await Client.AnswerAllAsync(inspection);
        Assert.Equal(HttpStatusCode.OK, (await Client.CompleteAsync(inspection.Id())).StatusCode);

        var done = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspection-tasks/{task.Id()}");
        Assert.Equal(("Done", inspection.Id(), "已检查"), (done.Text("status"), done.GetProperty("inspectionId").GetGuid(), done.Text("outcome")));
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId, taskId = task.Id() })).AssertRuleAsync("task.done");
    }

    [Fact]
    public async Task A_grid_worker_sees_only_their_grids_tasks()
    {
        var mine = fixture.NewGrid();
        var theirs = fixture.NewGrid();
        var own = await ReportedTaskAsync(mine);
        var other = await ReportedTaskAsync(theirs);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        Assert.All(await gridWorker.ItemsAsync("/api/safety/inspection-tasks?limit=200"), t => Assert.Equal(mine, t.Text("gridCode")));
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/safety/inspection-tasks/{own.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/safety/inspection-tasks/{other.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PostAsJsonAsync($"/api/safety/inspection-tasks/{other.Id()}/close", new { outcome = "无" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/inspection-tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, mine).PostAsJsonAsync($"/api/safety/inspection-tasks/{own.Id()}/close", new { outcome = "无" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/safety/inspection-tasks")).StatusCode);
        Assert.Equal("Open", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspection-tasks/{other.Id()}")).Text("status"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class HazardsApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private Task<JsonElement> StartAsync(Guid hazard, HttpClient? client = null) =>
        (client ?? Client).PostOkAsync($"/api/safety/hazards/{hazard}/rectification", new { measures = "清理通道杂物，张贴禁止堆放标识" }, HttpStatusCode.OK);

    private Task<JsonElement> SubmitAsync(Guid hazard, HttpClient? client = null) =>
        (client ?? Client).PostOkAsync($"/api/safety/hazards/{hazard}/submission", new { notes = "已清理", photos = new[] { "rect/1.jpg" } }, HttpStatusCode.OK);

    private Task<JsonElement> ReinspectAsync(Guid hazard, object body, HttpClient? client = null) =>
        (client ?? Client).PostOkAsync($"/api/safety/hazards/{hazard}/reinspection", body, HttpStatusCode.OK);

    [Fact]
    public async Task A_hazard_is_rectified_step_by_step_and_a_passed_reinspection_closes_it_and_announces_it_once()
    {
        var grid = fixture.NewGrid();
        var hazard = (await Client.OpenHazardAsync(grid)).Id();
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, grid);

        var rectifying = await StartAsync(hazard, gridWorker);
        Assert.Equal(("Rectifying", "整改中", "清理通道杂物，张贴禁止堆放标识"), (rectifying.Text("status"), rectifying.Text("statusLabel"), rectifying.Text("measures")));
        var submitted = await SubmitAsync(hazard, gridWorker);
        Assert.Equal("Submitted", submitted.Text("status"));
        Assert.Equal(["rect/1.jpg"], submitted.GetProperty("rectificationPhotos").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true })).StatusCode);

        var inspector = fixture.App.CreateClientAs(CommunityRoles.Inspector);
        var closed = await ReinspectAsync(hazard, new { passed = true, notes = "整改到位" }, inspector);

        Assert.Equal("Closed", closed.Text("status"));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        Assert.Equal(["Open", "Rectifying", "Submitted", "Closed"], closed.GetProperty("timeline").EnumerateArray().Select(s => s.Text("status")));
        Assert.Equal(1, await fixture.OutboxCountAsync("HazardRectified", "hazardId", hazard));
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true })).AssertRuleAsync("hazard.transition");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/rectification", new { measures = "再整改" })).AssertRuleAsync("hazard.transition");
        Assert.Equal(1, await fixture.OutboxCountAsync("HazardRectified", "hazardId", hazard));
    }

    [Fact]
    public async Task A_failed_reinspection_reopens_the_hazard_with_a_new_deadline_and_announces_the_deadline_not_a_rectification()
    {
        var hazard = (await Client.OpenHazardAsync(fixture.NewGrid())).Id();
        await SubmitAsync(hazard);

        var reopened = await ReinspectAsync(hazard, new { passed = false, notes = "通道仍有杂物", deadline = Iso(Today.AddDays(3)) });

        Assert.Equal(("Reopened", Iso(Today.AddDays(3))), (reopened.Text("status"), reopened.Text("deadline")));
        Assert.Equal(0, await fixture.OutboxCountAsync("HazardRectified", "hazardId", hazard));
        Assert.Equal(1, await fixture.OutboxCountAsync("HazardReopened", "hazardId", hazard));
        await StartAsync(hazard);
        await SubmitAsync(hazard);
        var byDefault = await ReinspectAsync(hazard, new { passed = false, notes = "仍未整改" });
        Assert.Equal(Iso(Today.AddDays(7)), byDefault.Text("deadline"));
        Assert.Equal(["Open", "Submitted", "Reopened", "Rectifying", "Submitted", "Reopened"], byDefault.GetProperty("timeline").EnumerateArray().Select(s => s.Text("status")));
    }

    [Fact]
    public async Task Steps_out_of_order_are_409_and_bad_input_is_400_naming_the_field()
    {
        var hazard = (await Client.OpenHazardAsync(fixture.NewGrid())).Id();

        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true })).AssertRuleAsync("hazard.transition");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/rectification", new { measures = " " })).AssertInvalidAsync("measures");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/submission", new { notes = "已整改" })).AssertInvalidAsync("photos");
        await SubmitAsync(hazard);
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/rectification", new { measures = "整改" })).AssertRuleAsync("hazard.transition");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/submission", new { photos = new[] { "p.jpg" } })).AssertRuleAsync("hazard.transition");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { notes = "看过" })).AssertInvalidAsync("passed");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = false })).AssertInvalidAsync("notes");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true, deadline = Iso(Today.AddDays(3)) })).AssertInvalidAsync("deadline");
        await (await Client.PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = false, notes = "未改", deadline = Iso(Today.AddDays(-1)) })).AssertInvalidAsync("deadline");
        Assert.Equal("Submitted", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/hazards/{hazard}")).Text("status"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/safety/hazards/{Guid.NewGuid()}/submission", new { photos = new[] { "p.jpg" } })).StatusCode);
    }

    [Fact]
    public async Task A_submission_retried_with_the_same_idempotency_key_is_answered_again_not_refused()
    {
        var hazard = (await Client.OpenHazardAsync(fixture.NewGrid())).Id();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Submit() => new(HttpMethod.Post, $"/api/safety/hazards/{hazard}/submission")
        {
            Content = JsonContent.Create(new { photos = new[] { "rect/1.jpg" } }),
            Headers = { { "Idempotency-Key", key } },
        };

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Submit())).StatusCode);
        var retried = await Client.SendAsync(Submit());

        Assert.True(retried.StatusCode == HttpStatusCode.OK, $"{(int)retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");
        Assert.Equal("Submitted", (await retried.Content.ReadFromJsonAsync<JsonElement>()).Text("status"));
        Assert.Equal(2, (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/hazards/{hazard}")).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Hazards_are_listed_by_venue_status_severity_category_and_overdue()
    {
        var grid = fixture.NewGrid();
        var completed = await Client.InspectAsync(grid, 1, 2, 3);
        var venueId = completed.GetProperty("inspection").GetProperty("venueId").GetGuid();
        var (exit, locked, gas) = (completed.GetProperty("hazards")[0].Id(), completed.GetProperty("hazards")[1].Id(), completed.GetProperty("hazards")[2].Id());
        await SubmitAsync(exit);
        Assert.Equal(1, await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '{Iso(Today.AddDays(-2))}' WHERE id = '{gas}'"));

        Assert.Equal(3, (await Client.ItemsAsync($"/api/safety/hazards?venueId={venueId}")).Count);
        Assert.Equal(3, (await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}")).Count);
        Assert.Equal(exit, Assert.Single(await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&status=Submitted")).Id());
        Assert.Equal(exit, Assert.Single(await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&status=待复查")).Id());
        Assert.Equal(locked, Assert.Single(await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&severity=Major&category=Fire")).Id());
        Assert.Equal(gas, Assert.Single(await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&category=燃气")).Id());
        var overdue = Assert.Single(await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&overdue=true"));
        Assert.Equal(gas, overdue.Id());
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(2, (await Client.ItemsAsync($"/api/safety/hazards?gridCode={grid}&overdue=false")).Count);

        await (await Client.GetAsync("/api/safety/hazards?status=Gone")).AssertInvalidAsync("status");
        await (await Client.GetAsync("/api/safety/hazards?severity=Critical")).AssertInvalidAsync("severity");
        await (await Client.GetAsync("/api/safety/hazards?category=Noise")).AssertInvalidAsync("category");
    }

    [Fact]
    public async Task An_overdue_hazard_is_announced_exactly_once_however_often_the_monitor_runs()
    {
        var grid = fixture.NewGrid();
        var completed = await Client.InspectAsync(grid, 1, 4);
        var (overdue, onTime) = (completed.GetProperty("hazards")[0].Id(), completed.GetProperty("hazards")[1].Id());
        var deadline = Today.AddDays(-1);

        Assert.Equal(1, await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '{Iso(deadline)}' WHERE id = '{overdue}'"));

        await Eventually.ReturnsAsync(() => fixture.OutboxCountAsync("HazardOverdue", "hazardId", overdue), n => n > 0, SafetyApiFixture.Patience, "the overdue notice");
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal(1, await fixture.OutboxCountAsync("HazardOverdue", "hazardId", overdue));
        Assert.Equal(Iso(deadline), await fixture.ScalarAsync<string>(
            $"SELECT payload->>'deadline' FROM outbox_messages WHERE message_type LIKE '%.HazardOverdue' AND payload->>'hazardId' = '{overdue}'"));
        Assert.Equal(0, await fixture.OutboxCountAsync("HazardOverdue", "hazardId", onTime));
        var hazard = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/hazards/{overdue}");
        Assert.True(hazard.GetProperty("overdue").GetBoolean());
        Assert.Contains(hazard.GetProperty("timeline").EnumerateArray(), s => s.Text("actor") == "system" && s.Text("note")!.Contains(Iso(deadline)));
    }

    [Fact]
    public async Task A_reopened_hazard_whose_new_deadline_passes_is_announced_again_and_a_closed_one_never()
    {
        var grid = fixture.NewGrid();
        var completed = await Client.InspectAsync(grid, 1, 4);
        var (reopened, closed) = (completed.GetProperty("hazards")[0].Id(), completed.GetProperty("hazards")[1].Id());
        await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '{Iso(Today.AddDays(-3))}' WHERE id IN ('{reopened}', '{closed}')");
        await Eventually.ReturnsAsync(() => fixture.OutboxCountAsync("HazardOverdue", "gridCode", grid), n => n == 2, SafetyApiFixture.Patience, "both overdue notices");

        await SubmitAsync(reopened);
        await ReinspectAsync(reopened, new { passed = false, notes = "仍未整改", deadline = Iso(Today) });
        await SubmitAsync(closed);
        await ReinspectAsync(closed, new { passed = true });
        await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '{Iso(Today.AddDays(-1))}' WHERE id IN ('{reopened}', '{closed}')");

        await Eventually.ReturnsAsync(() => fixture.OutboxCountAsync("HazardOverdue", "hazardId", reopened), n => n == 2, SafetyApiFixture.Patience, "the second overdue notice");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, await fixture.OutboxCountAsync("HazardOverdue", "hazardId", reopened));
        Assert.Equal(1, await fixture.OutboxCountAsync("HazardOverdue", "hazardId", closed));
    }

    [Fact]
    public async Task A_grid_worker_follows_up_only_the_hazards_of_their_grids()
    {
        var mine = fixture.NewGrid();
        var theirs = fixture.NewGrid();
        var own = (await Client.OpenHazardAsync(mine)).Id();
        var other = (await Client.OpenHazardAsync(theirs)).Id();
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/safety/hazards/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/safety/hazards/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PostAsJsonAsync($"/api/safety/hazards/{other}/rectification", new { measures = "整改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PostAsJsonAsync($"/api/safety/hazards/{other}/submission", new { photos = new[] { "p.jpg" } })).StatusCode);
        var listed = await gridWorker.ItemsAsync("/api/safety/hazards?limit=200");
        Assert.Contains(listed, h => h.Id() == own);
        Assert.All(listed, h => Assert.Equal(mine, h.Text("gridCode")));
        Assert.Empty(await gridWorker.ItemsAsync($"/api/safety/hazards?gridCode={theirs}"));
        Assert.Equal("Open", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/hazards/{other}")).Text("status"));
    }

    [Fact]
    public async Task Hazards_are_closed_without_a_token_and_to_roles_outside_safety_work()
    {
        var hazard = (await Client.OpenHazardAsync(fixture.NewGrid())).Id();

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync($"/api/safety/hazards/{hazard}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident).GetAsync("/api/safety/hazards")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member).PostAsJsonAsync($"/api/safety/hazards/{hazard}/rectification", new { measures = "整改" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.County).PostAsJsonAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/safety/hazards/{Guid.NewGuid()}")).StatusCode);
    }
}

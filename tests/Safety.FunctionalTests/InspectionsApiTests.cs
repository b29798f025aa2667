using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class InspectionsApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task An_inspection_of_a_small_restaurant_starts_with_the_shipped_checklist_every_item_unanswered()
    {
        var venueId = await Client.RegisterVenueIdAsync(fixture.NewGrid());

        var response = await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inspection = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/safety/inspections/{inspection.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(("small-restaurant", 1, "InProgress"), (inspection.Text("templateCode"), inspection.GetProperty("templateVersion").GetInt32(), inspection.Text("status")));
        var items = inspection.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(14, items.Count);
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("result").ValueKind));
        Assert.Equal("Major", items[1].Text("severityIfFailed"));
        Assert.False(items[10].GetProperty("evidenceRequired").GetBoolean());

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspections/{inspection.Id()}");
        Assert.Equal(venueId, fetched.GetProperty("venueId").GetGuid());
    }

    [Fact]
    public async Task Starting_is_a_400_for_a_checklist_of_another_kind_an_unknown_checklist_or_an_unknown_venue()
    {
        var venueId = await Client.RegisterVenueIdAsync(fixture.NewGrid());

        Assert.Contains("水域", await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId, templateCode = "drowning-waters" })).AssertInvalidAsync("templateCode"));
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId, templateCode = "no-such-list" })).AssertInvalidAsync("templateCode");
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId = Guid.NewGuid() })).AssertInvalidAsync("venueId");
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { templateCode = "small-shop" })).AssertInvalidAsync("venueId");
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId, campaignId = Guid.NewGuid() })).AssertInvalidAsync("campaignId");
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId, taskId = Guid.NewGuid() })).AssertInvalidAsync("taskId");
        Assert.Empty(await Client.ItemsAsync($"/api/safety/inspections?venueId={venueId}"));
    }

    [Fact]
    public async Task Answers_are_recorded_item_by_item_and_invalid_ones_are_a_400_naming_the_field()
    {
        var inspection = await Client.StartInspectionAsync(await Client.RegisterVenueIdAsync(fixture.NewGrid()));
        var id = inspection.Id();

        var answered = await Client.AnswerAsync(id, 2, new { result = "不合格", notes = " 钢瓶放在厨房内 ", photos = new[] { "p/1.jpg" }, severity = "Major", deadline = Iso(Today.AddDays(3)) });
        var item = answered.GetProperty("items")[1];
        Assert.Equal(("Fail", "钢瓶放在厨房内", "Major", Iso(Today.AddDays(3))), (item.Text("result"), item.Text("notes"), item.Text("severity"), item.Text("deadline")));
        var corrected = await Client.AnswerAsync(id, 2, new { result = "Pass" });
        Assert.Equal(("Pass", JsonValueKind.Null), (corrected.GetProperty("items")[1].Text("result"), corrected.GetProperty("items")[1].GetProperty("severity").ValueKind));

        await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/2", new { result = "Maybe" })).AssertInvalidAsync("result");
        await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/99", new { result = "Pass" })).AssertInvalidAsync("number");
        await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/1", new { result = "Pass", severity = "Major" })).AssertInvalidAsync("severity");
        Assert.Contains("past", await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/1", new { result = "Fail", deadline = Iso(Today.AddDays(-1)) })).AssertInvalidAsync("deadline"));
        await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/1", new { result = "Fail", deadline = "next week" })).AssertInvalidAsync("deadline");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/safety/inspections/{Guid.NewGuid()}/items/1", new { result = "Pass" })).StatusCode);
    }

    [Fact]
    public async Task Completing_is_refused_while_items_are_unanswered_or_a_failed_item_lacks_its_photo()
    {
        var inspection = await Client.StartInspectionAsync(await Client.RegisterVenueIdAsync(fixture.NewGrid()));
        var id = inspection.Id();
        await Client.AnswerAsync(id, 1, Failed(photo: false));

        var unanswered = await (await Client.CompleteAsync(id)).AssertRuleAsync("inspection.unanswered");
        Assert.Equal(Enumerable.Range(2, 13), unanswered.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));

        await Client.AnswerAllAsync(inspection, new Dictionary<int, object> { [1] = Failed(photo: false), [11] = Failed(photo: false), [12] = Failed(photo: false) });
        var missing = await (await Client.CompleteAsync(id)).AssertRuleAsync("inspection.evidence-missing");
        Assert.Equal([1, 12], missing.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal("InProgress", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/inspections/{id}")).Text("status"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM hazards WHERE inspection_id = '{id}'"));
        Assert.Equal(0, await fixture.OutboxCountAsync("InspectionCompleted", "inspectionId", id));
    }

    [Fact]
    public async Task Completing_opens_a_hazard_per_failed_item_due_by_its_severity_and_announces_each_and_the_inspection()
    {
        var grid = fixture.NewGrid();
        var inspection = await Client.StartInspectionAsync(await Client.RegisterVenueIdAsync(grid));
        var id = inspection.Id();
        await Client.AnswerAllAsync(inspection, new Dictionary<int, object>
        {
            [1] = Failed(),
            [2] = Failed(),
            [11] = Failed(deadline: Today.AddDays(1)),
            [12] = Failed(severity: "Major"),
            [13] = new { result = "NotApplicable" },
        });

        var response = await Client.CompleteAsync(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", completed.GetProperty("inspection").Text("status"));
        var hazards = completed.GetProperty("hazards").EnumerateArray().ToList();
        Assert.Equal(
            [(1, "General", Iso(Today.AddDays(7))), (2, "Major", Iso(Today.AddDays(30))), (11, "General", Iso(Today.AddDays(1))), (12, "Major", Iso(Today.AddDays(30)))],
            hazards.Select(h => (h.GetProperty("itemNumber").GetInt32(), h.Text("severity"), h.Text("deadline"))));
        Assert.All(hazards, h => Assert.Equal(("Open", "王建国", grid), (h.Text("status"), h.Text("responsibleParty"), h.Text("gridCode"))));
        Assert.All(hazards, h => Assert.False(h.GetProperty("overdue").GetBoolean()));

        foreach (var hazard in hazards)
        {
            Assert.Equal(1, await fixture.OutboxCountAsync("HazardReported", "hazardId", hazard.Id()));
        }

        Assert.Equal(4, await fixture.OutboxCountAsync("HazardReported", "gridCode", grid));
        Assert.Equal(1, await fixture.OutboxCountAsync("InspectionCompleted", "inspectionId", id));
        Assert.Equal("4", await fixture.ScalarAsync<string>(
            $"SELECT payload->>'hazardsOpened' FROM outbox_messages WHERE message_type LIKE '%.InspectionCompleted' AND payload->>'inspectionId' = '{id}'"));
        Assert.Equal("9", await fixture.ScalarAsync<string>(
            $"SELECT payload->>'itemsPassed' FROM outbox_messages WHERE message_type LIKE '%.InspectionCompleted' AND payload->>'inspectionId' = '{id}'"));

        await (await Client.CompleteAsync(id)).AssertRuleAsync("inspection.completed");
        await (await Client.PutAsJsonAsync($"/api/safety/inspections/{id}/items/1", new { result = "Pass" })).AssertRuleAsync("inspection.completed");
        Assert.Equal(4, await fixture.ScalarAsync<long>($"SELECT count(*) FROM hazards WHERE inspection_id = '{id}'"));
    }

    [Fact]
    public async Task A_completion_retried_with_the_same_idempotency_key_opens_its_hazards_once()
    {
        var inspection = await Client.StartInspectionAsync(await Client.RegisterVenueIdAsync(fixture.NewGrid()));
        var id = inspection.Id();
        await Client.AnswerAllAsync(inspection, new Dictionary<int, object> { [1] = Failed(), [2] = Failed() });
        var key = Guid.NewGuid().ToString();

        var first = await Client.CompleteAsync(id, key);
        var retried = await Client.CompleteAsync(id, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(retried.StatusCode == HttpStatusCode.OK, $"{(int)retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        var firstHazards = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hazards").EnumerateArray().Select(h => h.Id()).ToList();
        var replayedHazards = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hazards").EnumerateArray().Select(h => h.Id()).ToList();
        Assert.Equal(2, firstHazards.Count);
        Assert.Equal(firstHazards, replayedHazards);
        Assert.Equal(2, await fixture.ScalarAsync<long>($"SELECT count(*) FROM hazards WHERE inspection_id = '{id}'"));
        Assert.Equal(1, await fixture.OutboxCountAsync("InspectionCompleted", "inspectionId", id));
        await (await Client.CompleteAsync(id, Guid.NewGuid().ToString())).AssertRuleAsync("inspection.completed");
    }

    [Fact]
    public async Task A_start_retried_with_the_same_idempotency_key_creates_one_inspection()
    {
        var venueId = await Client.RegisterVenueIdAsync(fixture.NewGrid());
        var key = Guid.NewGuid().ToString();

        HttpRequestMessage Start() => new(HttpMethod.Post, "/api/safety/inspections") { Content = JsonContent.Create(new { venueId }), Headers = { { "Idempotency-Key", key } } };
        var first = await Client.SendAsync(Start());
        var retried = await Client.SendAsync(Start());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retried.StatusCode));
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Single(await Client.ItemsAsync($"/api/safety/inspections?venueId={venueId}"));
    }

    [Fact]
    public async Task Inspections_are_listed_by_venue_grid_and_status_with_their_failed_counts()
    {
        var grid = fixture.NewGrid();
        var venueId = await Client.RegisterVenueIdAsync(grid);
        var done = await Client.InspectVenueAsync(venueId, 3, 4);
        var running = await Client.StartInspectionAsync(venueId);

        var all = await Client.ItemsAsync($"/api/safety/inspections?gridCode={grid}");
        Assert.Equal(2, all.Count);
        var completed = Assert.Single(await Client.ItemsAsync($"/api/safety/inspections?venueId={venueId}&status=Completed"));
        Assert.Equal((done.GetProperty("inspection").Id(), 2, 14), (completed.Id(), completed.GetProperty("failed").GetInt32(), completed.GetProperty("items").GetInt32()));
        Assert.Equal(running.Id(), Assert.Single(await Client.ItemsAsync($"/api/safety/inspections?gridCode={grid}&status=检查中")).Id());
        await (await Client.GetAsync("/api/safety/inspections?status=Paused")).AssertInvalidAsync("status");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/safety/inspections/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_inspects_only_in_their_grids()
    {
        var mine = fixture.NewGrid();
        var theirs = fixture.NewGrid();
        var own = await Client.RegisterVenueIdAsync(mine);
        var other = await Client.RegisterVenueIdAsync(theirs);
        var othersInspection = await Client.StartInspectionAsync(other);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var started = await gridWorker.StartInspectionAsync(own);
        await (await gridWorker.PostAsJsonAsync("/api/safety/inspections", new { venueId = other })).AssertInvalidAsync("venueId");
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/safety/inspections/{othersInspection.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PutAsJsonAsync($"/api/safety/inspections/{othersInspection.Id()}/items/1", new { result = "Pass" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.CompleteAsync(othersInspection.Id())).StatusCode);
        var listed = await gridWorker.ItemsAsync("/api/safety/inspections?limit=200");
        Assert.Contains(listed, i => i.Id() == started.Id());
        Assert.All(listed, i => Assert.Equal(mine, i.Text("gridCode")));
    }

    [Fact]
    public async Task Inspections_are_closed_without_a_token_and_to_roles_outside_safety_work()
    {
        var venueId = await Client.RegisterVenueIdAsync(fixture.NewGrid());
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/safety/inspections", new { venueId })).StatusCode);
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/safety/inspections", new { venueId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member).GetAsync("/api/safety/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/safety/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.VolunteerLeader).PutAsJsonAsync($"/api/safety/inspections/{Guid.NewGuid()}/items/1", new { result = "Pass" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).PostAsJsonAsync("/api/safety/inspections", new { venueId })).StatusCode);
    }
}

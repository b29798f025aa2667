using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class CampaignsApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private Task<JsonElement> CreateAsync(string name = "燃气安全专项整治", DateOnly? startsOn = null, DateOnly? endsOn = null, string[]? venueKinds = null, string? templateCode = null) =>
        Client.PostOkAsync("/api/safety/campaigns", new
        {
            name,
            description = "排查餐饮场所液化气使用",
            startsOn = Iso(startsOn ?? Today.AddDays(-1)),
            endsOn = Iso(endsOn ?? Today.AddDays(30)),
            venueKinds = venueKinds ?? ["小餐饮"],
            templateCode,
        });

    private async Task<JsonElement> InspectForCampaignAsync(Guid venueId, Guid campaignId, params int[] failed)
    {
        var inspection = await Client.StartInspectionAsync(venueId, campaignId: campaignId);
        Assert.Equal(campaignId, inspection.GetProperty("campaignId").GetGuid());
        await Client.AnswerAllAsync(inspection, failed.ToDictionary(n => n, _ => Failed()));
        var completed = await Client.CompleteAsync(inspection.Id());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        return await completed.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_campaigns_progress_counts_the_venues_in_scope_its_inspections_and_their_hazards()
    {
        var grid = fixture.NewGrid();
        var campaign = await CreateAsync();
        var id = campaign.Id();
        Assert.Equal(["SmallRestaurant"], campaign.GetProperty("venueKinds").EnumerateArray().Select(k => k.GetString()));
        var (first, second, third) = (await Client.RegisterVenueIdAsync(grid, name: "一号面馆"), await Client.RegisterVenueIdAsync(grid, name: "二号面馆"), await Client.RegisterVenueIdAsync(grid, name: "三号面馆"));
        await Client.RegisterVenueIdAsync(grid, "Waters", "水塘");

        var found = await InspectForCampaignAsync(first, id, 1, 2);
        await InspectForCampaignAsync(second, id);
        await InspectForCampaignAsync(first, id);
        await Client.InspectVenueAsync(third, 1);
        await Client.StartInspectionAsync(third, campaignId: id);
        var (rectified, overdue) = (found.GetProperty("hazards")[0].Id(), found.GetProperty("hazards")[1].Id());
        Assert.All(found.GetProperty("hazards").EnumerateArray(), h => Assert.Equal(id, h.GetProperty("campaignId").GetGuid()));
        await Client.PostOkAsync($"/api/safety/hazards/{rectified}/submission", new { photos = new[] { "rect/1.jpg" } }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/safety/hazards/{rectified}/reinspection", new { passed = true }, HttpStatusCode.OK);
        await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '{Iso(Today.AddDays(-1))}' WHERE id = '{overdue}'");

        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, grid);
        var progress = (await gridWorker.GetFromJsonAsync<JsonElement>($"/api/safety/campaigns/{id}")).GetProperty("progress");

        Assert.Equal(3, progress.GetProperty("venuesInScope").GetInt32());
        Assert.Equal(2, progress.GetProperty("venuesInspected").GetInt32());
        Assert.Equal(3, progress.GetProperty("inspections").GetInt32());
        Assert.Equal(2, progress.GetProperty("hazardsFound").GetInt32());
        Assert.Equal(1, progress.GetProperty("hazardsRectified").GetInt32());
        Assert.Equal(1, progress.GetProperty("hazardsOpen").GetInt32());
        Assert.Equal(1, progress.GetProperty("hazardsOverdue").GetInt32());
        Assert.Equal(0.5m, progress.GetProperty("rectificationRate").GetDecimal());
        Assert.Equal(2, (await Client.ItemsAsync($"/api/safety/hazards?campaignId={id}")).Count);
        Assert.Equal(3, (await Client.ItemsAsync($"/api/safety/inspections?campaignId={id}&status=Completed")).Count);

        var otherGrid = fixture.App.CreateClientAs(CommunityRoles.GridWorker, fixture.NewGrid());
        var nothing = (await otherGrid.GetFromJsonAsync<JsonElement>($"/api/safety/campaigns/{id}")).GetProperty("progress");
        Assert.Equal((0, 0, 0), (nothing.GetProperty("venuesInScope").GetInt32(), nothing.GetProperty("inspections").GetInt32(), nothing.GetProperty("hazardsFound").GetInt32()));
        Assert.Equal(JsonValueKind.Null, nothing.GetProperty("rectificationRate").ValueKind);
        Assert.Contains(await Client.ListAsync("/api/safety/campaigns"), c => c.Id() == id);
    }

    [Fact]
    public async Task A_campaign_accepts_inspections_only_while_it_runs_and_at_the_kinds_it_targets()
    {
        var grid = fixture.NewGrid();
        var restaurant = await Client.RegisterVenueIdAsync(grid);
        var pond = await Client.RegisterVenueIdAsync(grid, "Waters", "水塘");
        var upcoming = await CreateAsync("下月专项", Today.AddDays(5), Today.AddDays(35));
        var running = await CreateAsync();

        var notRunning = await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId = restaurant, campaignId = upcoming.Id() })).AssertRuleAsync("campaign.not-running");
        Assert.Equal(Iso(Today.AddDays(5)), notRunning.Text("startsOn"));
        await (await Client.PostAsJsonAsync("/api/safety/inspections", new { venueId = pond, campaignId = running.Id() })).AssertInvalidAsync("campaignId");
        Assert.Empty(await Client.ItemsAsync($"/api/safety/inspections?gridCode={grid}"));
    }

    [Fact]
    public async Task A_campaigns_checklist_is_used_by_its_inspections_unless_they_name_another()
    {
        var code = "gas-campaign-" + Guid.NewGuid().ToString("N")[..6];
        await Client.PostOkAsync("/api/safety/checklists", new
        {
            code,
            name = "燃气专项检查表",
            items = new[] { new { category = "Gas", question = "是否安装可燃气体报警器", evidenceRequired = true, severityIfFailed = "Major" } },
        });
        var campaign = await CreateAsync(venueKinds: [], templateCode: code);
        Assert.Equal(code, campaign.Text("templateCode"));
        var venue = await Client.RegisterVenueIdAsync(fixture.NewGrid(), "SmallHotel", "如家小旅馆");

        var inspection = await Client.StartInspectionAsync(venue, campaignId: campaign.Id());
        Assert.Equal(code, inspection.Text("templateCode"));
        Assert.Single(inspection.GetProperty("items").EnumerateArray());
        Assert.Equal("small-hotel", (await Client.StartInspectionAsync(venue, "small-hotel", campaign.Id())).Text("templateCode"));
    }

    [Fact]
    public async Task An_invalid_campaign_is_a_400_naming_the_field()
    {
        await (await Client.PostAsJsonAsync("/api/safety/campaigns", new { name = "专项", startsOn = Iso(Today), endsOn = Iso(Today.AddDays(-1)) })).AssertInvalidAsync("endsOn");
        await (await Client.PostAsJsonAsync("/api/safety/campaigns", new { name = "专项", startsOn = Iso(Today), endsOn = Iso(Today), templateCode = "no-such-list" })).AssertInvalidAsync("templateCode");
        await (await Client.PostAsJsonAsync("/api/safety/campaigns", new { name = " ", startsOn = Iso(Today), endsOn = Iso(Today) })).AssertInvalidAsync("name");
        await (await Client.PostAsJsonAsync("/api/safety/campaigns", new { name = "专项", endsOn = Iso(Today) })).AssertInvalidAsync("startsOn");
        await (await Client.PostAsJsonAsync("/api/safety/campaigns", new { name = "专项", startsOn = Iso(Today), endsOn = Iso(Today), venueKinds = new[] { "大商场" } })).AssertInvalidAsync("venueKinds[0]");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/safety/campaigns/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_office_starts_campaigns_and_safety_workers_follow_them()
    {
        var body = new { name = "专项", startsOn = Iso(Today), endsOn = Iso(Today) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/safety/campaigns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).PostAsJsonAsync("/api/safety/campaigns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, "SG001").PostAsJsonAsync("/api/safety/campaigns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident).GetAsync("/api/safety/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).GetAsync("/api/safety/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.App.CreateClientAs(CommunityRoles.Staff).PostAsJsonAsync("/api/safety/campaigns", body)).StatusCode);
    }
}

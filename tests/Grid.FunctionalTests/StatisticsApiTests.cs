using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>The database is shared by the whole collection, so every figure is checked as the change this test's own writes made.</summary>
[Collection(GridApiCollection.Name)]
public sealed class StatisticsApiTests(GridApiFixture fixture)
{
    private static DateOnly Today => GridApi.Today;

    private HttpClient Client => fixture.Client;

    private Task<JsonElement> StatisticsAsync(string query = "") => Client.GetFromJsonAsync<JsonElement>("/api/grid/statistics" + query);

    /// <summary>A figure by its path, e.g. community.households or matters.byCategory.Environment.reported.</summary>
    private static int Figure(JsonElement statistics, string path)
    {
        var at = statistics;
        foreach (var part in path.Split('.'))
        {
            at = at.EnumerateObject().Single(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return at.GetInt32();
    }

    [Fact]
    public async Task The_figures_grow_by_exactly_what_was_registered_reported_deliberated_voted_and_resolved()
    {
        string[] figures =
        [
            "community.grids", "community.buildings", "community.households", "community.residents", "community.businesses",
            "community.buildingHeads", "community.unitHeads", "community.partnerUnits",
            "matters.byCategory.Environment.reported", "matters.byCategory.Environment.resolved", "matters.byCategory.Environment.overdue",
            "matters.byCategory.Petition.reported",
            "deliberation.sessions", "deliberation.byVenue.BuildingMeeting", "deliberation.byVenue.DeliberationRoom",
            "deliberation.mattersDeliberated", "deliberation.deliberatedMattersResolved", "deliberation.votesClosed", "deliberation.votesPassed",
        ];
        var before = await StatisticsAsync();

        var grid = await Client.CreateGridAsync();
        var building = await Client.CreateBuildingAsync(grid, "统计楼");
        var unit = await Client.CreateUnitAsync(building);
        var first = await Client.CreateHouseholdAsync(building, "101", unit);
        var second = await Client.CreateHouseholdAsync(building, "102");
        var head = await Client.RegisterResidentAsync(first, "统计甲");
        await Client.RegisterResidentAsync(first, "统计乙");
        await Client.RegisterResidentAsync(second, "统计丙");
        await Client.PutOkAsync($"/api/grid/buildings/{building}/head", new { residentId = head }, HttpStatusCode.NoContent);
        await Client.PutOkAsync($"/api/grid/units/{unit}/head", new { residentId = head }, HttpStatusCode.NoContent);
        await Client.PostOkAsync("/api/grid/businesses", new { gridCode = grid, name = "统计小卖部", category = "零售", address = "统计楼底商" });
        await Client.PostOkAsync("/api/grid/partner-units", new { name = "统计共建单位" + grid, resources = new[] { new { category = "维修", description = "水电维修" } } });

        var resolved = await Client.AcceptedMatterAsync(grid, "Environment");
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/deliberation", new { }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/sessions", new
        {
            venue = "BuildingMeeting", heldOn = GridApi.Iso(Today), participants = new[] { "统计甲", "统计丙" }, minutes = "讨论绿化", decision = "补种草坪",
        }, HttpStatusCode.OK);
        var vote = (await Client.PostOkAsync($"/api/grid/matters/{resolved}/votes", new { buildingId = building, question = "是否补种草坪" })).GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/votes/{vote}/ballots", new { householdId = first, consent = true }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/votes/{vote}/ballots", new { householdId = second, consent = true }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/votes/{vote}/close", new { }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/assign", new { handler = "绿化队", dueOn = GridApi.Iso(Today) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{resolved}/resolve", new { resolution = "已补种" }, HttpStatusCode.OK);
        var late = await Client.AcceptedMatterAsync(grid, "Environment");
        await fixture.ScalarAsync<int>($"UPDATE matters SET due_on = '{GridApi.Iso(Today.AddDays(-2))}' WHERE id = '{late}' RETURNING 1");
        await Client.ReportMatterAsync(grid, "信访");

        var after = await StatisticsAsync();

        var expected = new Dictionary<string, int>
        {
            ["community.grids"] = 1, ["community.buildings"] = 1, ["community.households"] = 2, ["community.residents"] = 3, ["community.businesses"] = 1,
            ["community.buildingHeads"] = 1, ["community.unitHeads"] = 1, ["community.partnerUnits"] = 1,
            ["matters.byCategory.Environment.reported"] = 2, ["matters.byCategory.Environment.resolved"] = 1, ["matters.byCategory.Environment.overdue"] = 1,
            ["matters.byCategory.Petition.reported"] = 1,
            ["deliberation.sessions"] = 1, ["deliberation.byVenue.BuildingMeeting"] = 1, ["deliberation.byVenue.DeliberationRoom"] = 0,
            ["deliberation.mattersDeliberated"] = 1, ["deliberation.deliberatedMattersResolved"] = 1, ["deliberation.votesClosed"] = 1, ["deliberation.votesPassed"] = 1,
        };
        Assert.Equal(expected, figures.ToDictionary(f => f, f => Figure(after, f) - Figure(before, f)));
        Assert.Equal(
            Enum.GetNames<Domain.MatterCategory>().Sum(c => Figure(after, $"matters.byCategory.{c}.reported")),
            Figure(after, "matters.reported"));
    }

    [Fact]
    public async Task The_period_defaults_to_the_half_year_of_its_end_and_counts_only_sessions_held_within_it()
    {
        var spring = await StatisticsAsync("?to=2001-03-31");
        Assert.Equal("2001-01-01", spring.GetProperty("from").GetString());
        Assert.Equal("2001-03-31", spring.GetProperty("to").GetString());
        Assert.Equal("2001-07-01", (await StatisticsAsync("?to=2001-09-30")).GetProperty("from").GetString());
        var current = await StatisticsAsync();
        Assert.Equal(GridApi.Iso(Today), current.GetProperty("to").GetString());
        Assert.Equal(GridApi.Iso(new DateOnly(Today.Year, Today.Month <= 6 ? 1 : 7, 1)), current.GetProperty("from").GetString());

        var matter = await Client.AcceptedMatterAsync(await Client.CreateGridAsync(), "Dispute");
        await Client.PostOkAsync($"/api/grid/matters/{matter}/deliberation", new { }, HttpStatusCode.OK);
        Assert.Contains("before the matter was reported", await (await Client.PostAsJsonAsync($"/api/grid/matters/{matter}/sessions", new
        {
            venue = "常青说事室", heldOn = "2001-03-03", participants = new[] { "补录甲", "补录乙" }, minutes = "补录当年调解记录", decision = "双方和解",
        })).AssertInvalidAsync("heldOn"));
        await Client.PostOkAsync($"/api/grid/matters/{matter}/sessions", new
        {
            venue = "常青说事室", heldOn = GridApi.Iso(Today), participants = new[] { "补录甲", "补录乙" }, minutes = "补录当年调解记录", decision = "双方和解",
        }, HttpStatusCode.OK);
        // Move the session into a period nothing else in this database falls in.
        await fixture.ScalarAsync<int>($"UPDATE deliberation_sessions SET held_on = '2001-03-03' WHERE matter_id = '{matter}' RETURNING 1");

        // Nothing else in this database was held in 2001, so the period's figures are this session alone.
        Assert.Equal(0, Figure(spring, "deliberation.sessions"));
        var withSession = await StatisticsAsync("?to=2001-03-31");
        Assert.Equal(1, Figure(withSession, "deliberation.byVenue.DeliberationRoom"));
        Assert.Equal(1, Figure(withSession, "deliberation.mattersDeliberated"));
        Assert.Equal(1, Figure(await StatisticsAsync("?from=2001-03-03&to=2001-03-03"), "deliberation.sessions"));
        Assert.Equal(0, Figure(await StatisticsAsync("?from=2001-03-04&to=2001-12-31"), "deliberation.sessions"));
        Assert.Equal(0, Figure(await StatisticsAsync(), "deliberation.byVenue.DeliberationRoom") - Figure(current, "deliberation.byVenue.DeliberationRoom"));
        Assert.Equal(0, Figure(await StatisticsAsync("?from=2001-01-01&to=2001-03-02"), "deliberation.sessions"));
        Assert.Equal(0, Figure(await StatisticsAsync("?to=2001-03-31"), "matters.reported"));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_begins_is_a_400_on_to()
    {
        Assert.Contains("before", await (await Client.GetAsync("/api/grid/statistics?from=2026-06-30&to=2026-01-01")).AssertInvalidAsync("to"));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/grid/statistics?from=2026-01-01&to=2026-01-01")).StatusCode);
    }

    [Fact]
    public async Task Statistics_are_for_the_office_and_the_county_not_for_grid_workers_or_residents()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G01").GetAsync("/api/grid/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, "G01").GetAsync("/api/grid/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/grid/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/grid/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.Staff).GetAsync("/api/grid/statistics")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

/// <summary>
/// The figures of a period are checked on data moved into the first half of 2015 (no other test goes there);
/// venue counts, which have no period, by how much they grow.
/// </summary>
[Collection(SafetyApiCollection.Name)]
public sealed class StatisticsApiTests(SafetyApiFixture fixture)
{
    private const string Period = "from=2015-01-01&to=2015-06-30";
    private const string FoundAt = "2015-03-10T02:00:00Z";

    private HttpClient Client => fixture.Client;

    private static (int Found, int Rectified, int Open, int Overdue) Figures(JsonElement f) =>
        (f.GetProperty("found").GetInt32(), f.GetProperty("rectified").GetInt32(), f.GetProperty("open").GetInt32(), f.GetProperty("overdue").GetInt32());

    private Task PatrolAsync(string grid, DateOnly day) =>
        Client.PostOkAsync("/api/safety/patrols", new { gridCode = grid, kind = "Fire", patrolledAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)) });

    [Fact]
    public async Task The_figures_of_a_period_match_the_inspections_hazards_tasks_and_patrols_in_it()
    {
        var grid = fixture.NewGrid();
        var before = await Client.GetFromJsonAsync<JsonElement>("/api/safety/statistics");
        var restaurant = await Client.RegisterVenueIdAsync(grid);
        await Client.RegisterVenueIdAsync(grid, "Waters", "水库");
        var after = await Client.GetFromJsonAsync<JsonElement>("/api/safety/statistics");
        Assert.Equal(before.GetProperty("venues").GetInt32() + 2, after.GetProperty("venues").GetInt32());
        Assert.Equal(before.GetProperty("nineSmallVenues").GetInt32() + 1, after.GetProperty("nineSmallVenues").GetInt32());
        Assert.Equal(
            (before.GetProperty("venuesByKind").TryGetProperty("Waters", out var waters) ? waters.GetInt32() : 0) + 1,
            after.GetProperty("venuesByKind").GetProperty("Waters").GetInt32());

        var hazards = (await Client.InspectVenueAsync(restaurant, 1, 2, 3)).GetProperty("hazards").EnumerateArray().Select(h => h.Id()).ToList();
        await Client.InspectVenueAsync(restaurant);
        await Client.PostOkAsync($"/api/safety/hazards/{hazards[0]}/submission", new { photos = new[] { "rect/1.jpg" } }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/safety/hazards/{hazards[0]}/reinspection", new { passed = true }, HttpStatusCode.OK);
        Assert.Equal(2, await fixture.ExecuteAsync($"UPDATE inspections SET started_at = '{FoundAt}', completed_at = '{FoundAt}' WHERE venue_id = '{restaurant}'"));
        Assert.Equal(3, await fixture.ExecuteAsync($"UPDATE hazards SET found_at = '{FoundAt}' WHERE venue_id = '{restaurant}'"));
        await fixture.ExecuteAsync($"UPDATE hazards SET deadline = '2015-04-09' WHERE id = '{hazards[1]}'");

        var matter = new MatterReported
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MatterId = Guid.NewGuid(), GridCode = grid, Category = "Safety",
            Location = "水库边", ReportedAt = new DateTimeOffset(2015, 4, 1, 8, 0, 0, TimeSpan.Zero),
        };
        await fixture.PublishAsync(matter, matter.EventId);
        await fixture.WaitHandledAsync(matter.EventId, "CreateInspectionTaskConsumer");

        await Client.PostOkAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "Fire", timesPerMonth = 2, startsOn = "2015-01-01", endsOn = "2015-06-30" });
        foreach (var day in new[] { new DateOnly(2015, 1, 5), new DateOnly(2015, 1, 20), new DateOnly(2015, 2, 1), new DateOnly(2015, 2, 28), new DateOnly(2015, 3, 15) })
        {
            await PatrolAsync(grid, day);
        }

        var statistics = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/statistics?{Period}");

        Assert.Equal(("2015-01-01", "2015-06-30"), (statistics.Text("from"), statistics.Text("to")));
        Assert.Equal(2, statistics.GetProperty("inspections").GetInt32());
        var byKind = statistics.GetProperty("inspectionsByVenueKind").GetProperty("SmallRestaurant");
        Assert.Equal((2, 1), (byKind.GetProperty("inspections").GetInt32(), byKind.GetProperty("venuesInspected").GetInt32()));
        Assert.Equal((3, 1, 2, 1), Figures(statistics.GetProperty("hazards")));
        Assert.Equal(0.3333m, statistics.GetProperty("hazards").GetProperty("rectificationRate").GetDecimal());
        Assert.Equal((1, 1, 0, 0), Figures(statistics.GetProperty("hazardsBySeverity").GetProperty("General")));
        Assert.Equal((2, 0, 2, 1), Figures(statistics.GetProperty("hazardsBySeverity").GetProperty("Major")));
        Assert.Equal((2, 1, 1, 1), Figures(statistics.GetProperty("hazardsByCategory").GetProperty("Fire")));
        Assert.Equal((1, 0, 1, 0), Figures(statistics.GetProperty("hazardsByCategory").GetProperty("Gas")));
        Assert.False(statistics.GetProperty("hazardsByCategory").TryGetProperty("Food", out _));
        Assert.Equal(1, statistics.GetProperty("inspectionTasksRaised").GetInt32());
        var quota = Assert.Single(statistics.GetProperty("patrolQuotas").EnumerateArray(), q => q.Text("gridCode") == grid);
        Assert.Equal((6, 2, 4), (quota.GetProperty("planMonths").GetInt32(), quota.GetProperty("attained").GetInt32(), quota.GetProperty("missed").GetInt32()));
        Assert.Equal(0.3333m, quota.GetProperty("attainmentRate").GetDecimal());

        var firstQuarter = await Client.GetFromJsonAsync<JsonElement>("/api/safety/statistics?from=2015-01-01&to=2015-03-09");
        Assert.Equal(0, firstQuarter.GetProperty("inspections").GetInt32());
        Assert.Equal(0, firstQuarter.GetProperty("hazards").GetProperty("found").GetInt32());
        Assert.Equal(JsonValueKind.Null, firstQuarter.GetProperty("hazards").GetProperty("rectificationRate").ValueKind);
        Assert.Equal(0, firstQuarter.GetProperty("inspectionTasksRaised").GetInt32());
        var firstQuarterQuota = Assert.Single(firstQuarter.GetProperty("patrolQuotas").EnumerateArray(), q => q.Text("gridCode") == grid);
        Assert.Equal((3, 2, 1), (firstQuarterQuota.GetProperty("planMonths").GetInt32(), firstQuarterQuota.GetProperty("attained").GetInt32(), firstQuarterQuota.GetProperty("missed").GetInt32()));
    }

    [Fact]
    public async Task The_default_period_is_the_half_year_up_to_today_and_a_period_that_ends_before_it_starts_is_a_400()
    {
        var statistics = await Client.GetFromJsonAsync<JsonElement>("/api/safety/statistics");
        Assert.Equal(Iso(Today), statistics.Text("to"));
        Assert.Equal(Iso(new DateOnly(Today.Year, Today.Month <= 6 ? 1 : 7, 1)), statistics.Text("from"));

        await (await Client.GetAsync("/api/safety/statistics?from=2026-06-30&to=2026-06-01")).AssertInvalidAsync("to");
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/safety/statistics?from=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/safety/statistics?to=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Statistics_are_for_the_office_inspectors_and_the_county()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/safety/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).GetAsync("/api/safety/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, "SG001").GetAsync("/api/safety/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident).GetAsync("/api/safety/statistics")).StatusCode);
    }
}

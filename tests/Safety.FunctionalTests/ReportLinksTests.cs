using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

/// <summary>
/// Every safety figure of the half-year report links to the list of the records it counts: following each link
/// through its pages gives exactly the statistic's number for the same period. The period is May 2017, where no
/// other test goes; records are moved to its first and last instants (and just outside) in the database.
/// </summary>
[Collection(SafetyApiCollection.Name)]
public sealed class ReportLinksTests(SafetyApiFixture fixture)
{
    private static readonly DateOnly From = new(2017, 5, 1);
    private static readonly DateOnly To = new(2017, 5, 31);
    private static readonly DateTimeOffset Start = CommunityTime.StartOf(From);
    private static readonly DateTimeOffset End = CommunityTime.StartOf(To.AddDays(1));

    private HttpClient Client => fixture.Client;

    private static string Days(string name, DateOnly from, DateOnly to) => $"{name}From={Iso(from)}&{name}To={Iso(to)}";

    [Fact]
    public async Task Each_safety_link_lists_exactly_the_records_its_figure_counts()
    {
        var grid = fixture.NewGrid();
        var restaurant = await Client.RegisterVenueIdAsync(grid);
        var reservoir = await Client.RegisterVenueIdAsync(grid, "Waters", "水库");

        // Completed on the period's first instant, with three hazards: one closed, two open.
        var inPeriod = await Client.InspectVenueAsync(restaurant, 1, 2, 3);
        var hazards = inPeriod.GetProperty("hazards").EnumerateArray().Select(h => h.Id()).ToList();
        await Client.PostOkAsync($"/api/safety/hazards/{hazards[0]}/submission", new { photos = new[] { "rect/1.jpg" } }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/safety/hazards/{hazards[0]}/reinspection", new { passed = true }, HttpStatusCode.OK);
        await MoveAsync("inspections", "completed_at", inPeriod.GetProperty("inspection").Id(), Start);
        await MoveAsync("hazards", "found_at", hazards[0], Start);
        await MoveAsync("hazards", "found_at", hazards[1], End.AddSeconds(-1));
        await MoveAsync("hazards", "found_at", hazards[2], End.AddSeconds(-1));
        // Completed on the first instant after the period; completed a second before it, with a hazard found then; never completed.
        var after = (await Client.InspectVenueAsync(restaurant)).GetProperty("inspection").Id();
        await MoveAsync("inspections", "completed_at", after, End);
        var before = await Client.InspectVenueAsync(restaurant, 1);
        var hazardBefore = before.GetProperty("hazards")[0].Id();
        await MoveAsync("inspections", "completed_at", before.GetProperty("inspection").Id(), Start.AddSeconds(-1));
        await MoveAsync("hazards", "found_at", hazardBefore, Start.AddSeconds(-1));
        var unfinished = (await Client.StartInspectionAsync(reservoir)).Id();
        await MoveAsync("inspections", "started_at", unfinished, Start.AddDays(1));

        var statistics = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/statistics?from={Iso(From)}&to={Iso(To)}");
        async Task<List<Guid>> Linked(string link, params string[] figure)
        {
            var items = await Client.FollowAsync(link);
            Assert.True(statistics.Figure(figure).GetInt32() == items.Count, $"{link}: {items.Count} listed, {string.Join('.', figure)} = {statistics.Figure(figure)}");
            return items.Select(i => i.Id()).ToList();
        }

        Assert.Contains(reservoir, await Linked("/api/safety/venues", "venues"));
        var nineSmall = await Linked("/api/safety/venues?nineSmall=true", "nineSmallVenues");
        Assert.Contains(restaurant, nineSmall);
        Assert.DoesNotContain(reservoir, nineSmall);
        Assert.Equal([reservoir], (await Client.FollowAsync($"/api/safety/venues?gridCode={grid}&nineSmall=false")).Select(v => v.Id()));

        var inspections = await Linked($"/api/safety/inspections?status=Completed&{Days("completed", From, To)}", "inspections");
        Assert.Equal([inPeriod.GetProperty("inspection").Id()], inspections);

        var found = await Linked($"/api/safety/hazards?{Days("found", From, To)}", "hazards", "found");
        Assert.Equal(hazards.Order(), found.Order());
        Assert.Equal([hazards[0]], await Linked($"/api/safety/hazards?{Days("found", From, To)}&status=Closed", "hazards", "rectified"));
        Assert.Equal(hazards[1..].Order(), (await Linked($"/api/safety/hazards?{Days("found", From, To)}&open=true", "hazards", "open")).Order());
        foreach (var severity in statistics.GetProperty("hazardsBySeverity").EnumerateObject().Select(s => s.Name))
        {
            await Linked($"/api/safety/hazards?{Days("found", From, To)}&severity={severity}", "hazardsBySeverity", severity, "found");
        }

        // open=false is the closed ones, whatever the step the open ones are at.
        Assert.Equal([hazards[0]], (await Client.FollowAsync($"/api/safety/hazards?{Days("found", From, To)}&open=false")).Select(h => h.Id()));
        Assert.Contains(hazardBefore, (await Client.FollowAsync($"/api/safety/hazards?foundTo={Iso(From.AddDays(-1))}&open=true&gridCode={grid}")).Select(h => h.Id()));
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused_naming_its_end()
    {
        Assert.Contains("before completedFrom", await (await Client.GetAsync($"/api/safety/inspections?{Days("completed", To, From)}")).AssertInvalidAsync("completedTo"));
        Assert.Contains("before foundFrom", await (await Client.GetAsync($"/api/safety/hazards?{Days("found", To, From)}")).AssertInvalidAsync("foundTo"));
        await (await Client.GetAsync("/api/safety/venues?kind=Castle&nineSmall=true")).AssertInvalidAsync("kind");
    }

    private async Task MoveAsync(string table, string column, Guid id, DateTimeOffset to) =>
        Assert.Equal(1, await fixture.ExecuteAsync($"UPDATE {table} SET {column} = '{to:O}' WHERE id = '{id}'"));
}

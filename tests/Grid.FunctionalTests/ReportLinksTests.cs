using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>
/// Every grid figure of the half-year report links to the list of the records it counts: following each link through
/// its pages gives exactly the statistic's number for the same period. Records are moved to the period's first and
/// last instants (and just outside them) in the database, since the service stamps them with its own clock.
/// </summary>
[Collection(GridApiCollection.Name)]
public sealed class ReportLinksTests(GridApiFixture fixture)
{
    private static readonly DateOnly From = GridApi.Today.AddDays(-10);
    private static readonly DateOnly To = GridApi.Today.AddDays(-3);

    /// <summary>The first instant of the period and the first instant after it, as the community's clock reads them.</summary>
    private static readonly DateTimeOffset Start = CommunityTime.StartOf(From);
    private static readonly DateTimeOffset End = CommunityTime.StartOf(To.AddDays(1));

    private HttpClient Client => fixture.Client;

    /// <summary>The period's query for one kind of day, e.g. reportedFrom=…&amp;reportedTo=….</summary>
    private static string Days(string name, DateOnly from = default, DateOnly to = default) =>
        $"{name}From={GridApi.Iso(from == default ? From : from)}&{name}To={GridApi.Iso(to == default ? To : to)}";

    [Fact]
    public async Task Each_grid_link_lists_exactly_the_records_its_figure_counts()
    {
        var grid = await Client.CreateGridAsync();
        var tower = await Client.CreateBuildingAsync(grid, "链接1栋");
        var unitOne = await Client.CreateUnitAsync(tower, "1单元");
        var unitTwo = await Client.CreateUnitAsync(tower, "2单元");
        var villa = await Client.CreateBuildingAsync(grid, "链接2栋");
        var first = await Client.CreateHouseholdAsync(tower, "101", unitOne);
        var second = await Client.CreateHouseholdAsync(tower, "201", unitTwo);
        var third = await Client.CreateHouseholdAsync(villa, "1");
        var headOfBoth = await Client.RegisterResidentAsync(first, "楼栋长兼单元长");
        var spouse = await Client.RegisterResidentAsync(first, "配偶", relation: "配偶");
        var unitHead = await Client.RegisterResidentAsync(second, "二单元长");
        await Client.RegisterResidentAsync(third, "独居老人");
        await Client.PutOkAsync($"/api/grid/buildings/{tower}/head", new { residentId = headOfBoth }, HttpStatusCode.NoContent);
        await Client.PutOkAsync($"/api/grid/units/{unitOne}/head", new { residentId = headOfBoth }, HttpStatusCode.NoContent);
        await Client.PutOkAsync($"/api/grid/units/{unitTwo}/head", new { residentId = unitHead }, HttpStatusCode.NoContent);
        await Client.PostOkAsync("/api/grid/businesses", new { gridCode = grid, name = "链接小吃店", category = "餐饮", address = "链接2栋底商" });
        var partner = (await Client.PostOkAsync("/api/grid/partner-units", new { name = "链接共建单位" + grid, resources = new[] { new { category = "助老", description = "上门陪护" } } }))
            .GetProperty("id").GetGuid();

        // Reported on the period's first instant, deliberated twice (two venues, one matter) and resolved on its last second.
        var twiceDeliberated = await DeliberatedAsync(grid, "Environment", ("DeliberationRoom", From.AddDays(1)), ("BuildingMeeting", From.AddDays(2)));
        await ResolveAsync(twiceDeliberated);
        await MoveAsync("matters", "reported_at", twiceDeliberated, Start);
        await MoveAsync("matters", "resolved_at", twiceDeliberated, End.AddSeconds(-1));
        // Reported a second before the period, deliberated on its last day, never resolved.
        var unresolved = await DeliberatedAsync(grid, "Dispute", ("BuildingMeeting", To));
        await MoveAsync("matters", "reported_at", unresolved, Start.AddSeconds(-1));
        // Reported on the first instant after the period and deliberated today.
        var reportedAfter = await DeliberatedAsync(grid, "Petition", ("DeliberationRoom", GridApi.Today));
        await MoveAsync("matters", "reported_at", reportedAfter, End);
        // Resolved a second before the period.
        var resolvedBefore = await Client.AcceptedMatterAsync(grid, "Environment");
        await ResolveAsync(resolvedBefore);
        await MoveAsync("matters", "resolved_at", resolvedBefore, Start.AddSeconds(-1));

        // Posted in the period and claimed on its last second; posted and claimed before it, fulfilled in it; posted after it.
        var claimedInPeriod = await WishAsync(grid, partner, fulfil: false);
        await MoveAsync("micro_wishes", "posted_at", claimedInPeriod, Start.AddHours(5));
        await MoveAsync("micro_wishes", "claimed_at", claimedInPeriod, End.AddSeconds(-1));
        var fulfilledInPeriod = await WishAsync(grid, partner, fulfil: true);
        await MoveAsync("micro_wishes", "posted_at", fulfilledInPeriod, Start.AddDays(-3));
        await MoveAsync("micro_wishes", "claimed_at", fulfilledInPeriod, Start.AddDays(-2));
        await MoveAsync("micro_wishes", "fulfilled_at", fulfilledInPeriod, Start);
        var postedAfter = await WishAsync(grid, partner, fulfil: false);
        await MoveAsync("micro_wishes", "posted_at", postedAfter, End);

        var statistics = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/statistics?from={GridApi.Iso(From)}&to={GridApi.Iso(To)}");
        async Task<List<Guid>> Linked(string link, params string[] figure)
        {
            var items = await Client.FollowAsync(link);
            Assert.True(statistics.Figure(figure).GetInt32() == items.Count, $"{link}: {items.Count} listed, {string.Join('.', figure)} = {statistics.Figure(figure)}");
            return items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        }

        Assert.Contains(grid, (await Client.FollowAsync("/api/grid/grids")).Select(g => g.GetProperty("code").GetString()));
        await Linked("/api/grid/grids", "community", "grids");
        Assert.Contains(villa, await Linked("/api/grid/buildings", "community", "buildings"));
        var households = await Client.FollowAsync("/api/grid/households");
        Assert.Equal(statistics.Figure("community", "households").GetInt32(), households.Count);
        var listed = households.Single(h => h.GetProperty("id").GetGuid() == first);
        Assert.Equal(("链接1栋", "1单元", "101", headOfBoth, 2), (
            listed.GetProperty("buildingName").GetString(), listed.GetProperty("unitName").GetString(), listed.GetProperty("room").GetString(),
            listed.GetProperty("headResidentId").GetGuid(), listed.GetProperty("residents").GetInt32()));
        Assert.Equal([third], (await Client.FollowAsync($"/api/grid/households?buildingId={villa}")).Select(h => h.GetProperty("id").GetGuid()));
        Assert.Contains(spouse, await Linked("/api/grid/residents", "community", "residents"));
        await Linked("/api/grid/businesses", "community", "businesses");
        await Linked("/api/grid/partner-units", "community", "partnerUnits");

        // One person heading a building and a unit is one building head and one unit head; the figures count people as the lists do.
        var buildingHeads = await Linked("/api/grid/residents?head=Building", "community", "buildingHeads");
        Assert.Contains(headOfBoth, buildingHeads);
        Assert.DoesNotContain(unitHead, buildingHeads);
        var unitHeads = await Linked("/api/grid/residents?head=Unit", "community", "unitHeads");
        Assert.Contains(headOfBoth, unitHeads);
        Assert.Contains(unitHead, unitHeads);
        Assert.Equal(new[] { headOfBoth, unitHead }.Order(), (await Client.FollowAsync($"/api/grid/residents?head=单元长&gridCode={grid}")).Select(r => r.GetProperty("id").GetGuid()).Order());

        var reported = await Linked($"/api/grid/matters?{Days("reported")}", "matters", "reported");
        Assert.Contains(twiceDeliberated, reported);
        Assert.DoesNotContain(unresolved, reported);
        Assert.DoesNotContain(reportedAfter, reported);
        var resolved = await Linked($"/api/grid/matters?{Days("resolved")}", "matters", "resolved");
        Assert.Contains(twiceDeliberated, resolved);
        Assert.DoesNotContain(resolvedBefore, resolved);
        foreach (var category in statistics.Figure("matters", "byCategory").EnumerateObject().Select(c => c.Name))
        {
            await Linked($"/api/grid/matters?{Days("reported")}&category={category}", "matters", "byCategory", category, "reported");
            await Linked($"/api/grid/matters?{Days("resolved")}&category={category}", "matters", "byCategory", category, "resolved");
        }

        var sessions = await Client.FollowAsync($"/api/grid/deliberation-sessions?from={GridApi.Iso(From)}&to={GridApi.Iso(To)}");
        Assert.Equal(statistics.Figure("deliberation", "sessions").GetInt32(), sessions.Count);
        Assert.Equal(2, sessions.Count(s => s.GetProperty("matterId").GetGuid() == twiceDeliberated));
        Assert.DoesNotContain(sessions, s => s.GetProperty("matterId").GetGuid() == reportedAfter);
        Assert.All(sessions.Where(s => s.GetProperty("matterId").GetGuid() == unresolved), s => Assert.Equal(2, s.GetProperty("participants").GetInt32()));
        foreach (var venue in statistics.Figure("deliberation", "byVenue").EnumerateObject().Select(v => v.Name))
        {
            await Linked($"/api/grid/deliberation-sessions?from={GridApi.Iso(From)}&to={GridApi.Iso(To)}&venue={venue}", "deliberation", "byVenue", venue);
        }

        var deliberated = await Linked($"/api/grid/matters?{Days("deliberated")}", "deliberation", "mattersDeliberated");
        Assert.Single(deliberated, twiceDeliberated);
        Assert.Contains(unresolved, deliberated);
        Assert.DoesNotContain(reportedAfter, deliberated);
        Assert.Equal([twiceDeliberated], (await Linked($"/api/grid/matters?{Days("deliberated")}&resolved=true", "deliberation", "deliberatedMattersResolved"))
            .Intersect([twiceDeliberated, unresolved, reportedAfter]));

        var posted = await Linked($"/api/grid/micro-wishes?{Days("posted")}", "microWishes", "posted");
        Assert.Contains(claimedInPeriod, posted);
        Assert.DoesNotContain(fulfilledInPeriod, posted);
        Assert.DoesNotContain(postedAfter, posted);
        var claimed = await Linked($"/api/grid/micro-wishes?{Days("claimed")}", "microWishes", "claimed");
        Assert.Contains(claimedInPeriod, claimed);
        Assert.DoesNotContain(fulfilledInPeriod, claimed);
        Assert.Contains(fulfilledInPeriod, await Linked($"/api/grid/micro-wishes?{Days("fulfilled")}", "microWishes", "fulfilled"));
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_and_an_unknown_value_are_refused_naming_the_parameter()
    {
        foreach (var (path, name) in new[] { ("matters", "reported"), ("matters", "resolved"), ("matters", "deliberated"), ("micro-wishes", "posted"), ("micro-wishes", "claimed"), ("micro-wishes", "fulfilled") })
        {
            Assert.Contains($"before {name}From", await (await Client.GetAsync($"/api/grid/{path}?{Days(name, from: To, to: From)}")).AssertInvalidAsync($"{name}To"));
        }

        await (await Client.GetAsync($"/api/grid/deliberation-sessions?from={GridApi.Iso(To)}&to={GridApi.Iso(From)}")).AssertInvalidAsync("to");
        await (await Client.GetAsync("/api/grid/deliberation-sessions?venue=Park")).AssertInvalidAsync("venue");
        Assert.Contains("Unit", await (await Client.GetAsync("/api/grid/residents?head=Floor")).AssertInvalidAsync("head"));
    }

    /// <summary>Reports a matter, sends it to deliberation and records one session per (venue, day).</summary>
    private async Task<Guid> DeliberatedAsync(string grid, string category, params (string Venue, DateOnly HeldOn)[] sessions)
    {
        var matter = await Client.AcceptedMatterAsync(grid, category);
        await Client.PostOkAsync($"/api/grid/matters/{matter}/deliberation", new { }, HttpStatusCode.OK);
        foreach (var (venue, heldOn) in sessions)
        {
            // A session may not predate the report, and the report is stamped now: record it today, then move it.
            await Client.PostOkAsync($"/api/grid/matters/{matter}/sessions", new
            {
                venue, heldOn = GridApi.Iso(GridApi.Today), participants = new[] { "居民甲", "居民乙" }, minutes = "议事记录", decision = "形成决议",
            }, HttpStatusCode.OK);
            await fixture.ScalarAsync<int>(
                $"UPDATE deliberation_sessions SET held_on = '{GridApi.Iso(heldOn)}' WHERE matter_id = '{matter}' AND venue = '{venue}' AND held_on = '{GridApi.Iso(GridApi.Today)}' RETURNING 1");
        }

        return matter;
    }

    private async Task ResolveAsync(Guid matter)
    {
        await Client.PostOkAsync($"/api/grid/matters/{matter}/assign", new { handler = "物业", dueOn = GridApi.Iso(GridApi.Today) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{matter}/resolve", new { resolution = "已办结" }, HttpStatusCode.OK);
    }

    private async Task<Guid> WishAsync(string grid, Guid partner, bool fulfil)
    {
        var wish = (await Client.PostOkAsync("/api/grid/micro-wishes", new { gridCode = grid, category = "ElderlyCare", title = "想要一副老花镜", description = "看不清药盒上的字", posterName = "王奶奶" }))
            .GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/grid/micro-wishes/{wish}/claim", new { partnerUnitId = partner }, HttpStatusCode.OK);
        if (fulfil)
        {
            await Client.PostOkAsync($"/api/grid/micro-wishes/{wish}/fulfilment", new { note = "已送达", evidence = new[] { "photos/glasses.jpg" } }, HttpStatusCode.OK);
        }

        return wish;
    }

    private Task<int> MoveAsync(string table, string column, Guid id, DateTimeOffset to) =>
        fixture.ScalarAsync<int>($"UPDATE {table} SET {column} = '{to:O}' WHERE id = '{id}' RETURNING 1");
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class BuildingVoteTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    /// <summary>A grid with a building of <paramref name="households"/> households and an elevator matter in deliberation.</summary>
    private async Task<(string Grid, Guid Matter, Guid Building, List<Guid> Households)> DeliberatingAsync(int households = 9)
    {
        var grid = await Client.CreateGridAsync();
        var building = await Client.CreateBuildingAsync(grid, "12栋");
        var homes = new List<Guid>();
        for (var i = 0; i < households; i++)
        {
            homes.Add(await Client.CreateHouseholdAsync(building, $"{i / 2 + 1}0{i % 2 + 1}"));
        }

        var matter = await Client.AcceptedMatterAsync(grid, "ElevatorRetrofit");
        await Client.PostOkAsync($"/api/grid/matters/{matter}/deliberation", new { note = "提交楼栋议事会" }, HttpStatusCode.OK);
        return (grid, matter, building, homes);
    }

    private async Task<Guid> OpenVoteAsync(Guid matter, Guid building, string? threshold = null)
    {
        var vote = await Client.PostOkAsync($"/api/grid/matters/{matter}/votes", new { buildingId = building, question = "是否同意12栋加装电梯", consentThreshold = threshold });
        return vote.GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> CastAsync(Guid matter, Guid vote, Guid household, bool? consent) =>
        Client.PostAsJsonAsync($"/api/grid/matters/{matter}/votes/{vote}/ballots", new { householdId = household, consent });

    private async Task CastAllAsync(Guid matter, Guid vote, IEnumerable<Guid> households, bool consent)
    {
        foreach (var household in households)
        {
            var response = await CastAsync(matter, vote, household, consent);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private Task<JsonElement> CloseAsync(Guid matter, Guid vote) => Client.PostOkAsync($"/api/grid/matters/{matter}/votes/{vote}/close", new { }, HttpStatusCode.OK);

    [Fact]
    public async Task Six_of_nine_households_consenting_reach_two_thirds_exactly_and_the_vote_passes()
    {
        var (_, matter, building, households) = await DeliberatingAsync();
        var opened = await Client.PostOkAsync($"/api/grid/matters/{matter}/votes", new { buildingId = building, question = "是否同意12栋加装电梯" });
        Assert.Equal("2/3", opened.GetProperty("consentThreshold").GetString());
        Assert.Equal(9, opened.GetProperty("eligibleHouseholds").GetInt32());
        Assert.True(opened.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("passed").ValueKind);
        var vote = opened.GetProperty("id").GetGuid();

        await CastAllAsync(matter, vote, households.Take(6), consent: true);
        await CastAllAsync(matter, vote, households.Skip(6).Take(2), consent: false);
        var closed = await CloseAsync(matter, vote);

        Assert.True(closed.GetProperty("passed").GetBoolean());
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.Equal(6, closed.GetProperty("consents").GetInt32());
        Assert.Equal(8, closed.GetProperty("ballots").GetInt32());
        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{matter}");
        Assert.True(Assert.Single(detail.GetProperty("votes").EnumerateArray()).GetProperty("passed").GetBoolean());
        Assert.Contains("通过（同意 6/9 户）", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.Equal("Deliberating", detail.GetProperty("matter").GetProperty("status").GetString());
        Assert.Equal(8, await fixture.ScalarAsync<long>($"SELECT count(*) FROM ballots WHERE vote_id = '{vote}'"));
    }

    [Fact]
    public async Task Five_of_nine_fall_short_of_two_thirds_even_when_everyone_who_voted_consented()
    {
        var (_, matter, building, households) = await DeliberatingAsync();
        var vote = await OpenVoteAsync(matter, building);

        await CastAllAsync(matter, vote, households.Take(5), consent: true);
        var closed = await CloseAsync(matter, vote);

        Assert.False(closed.GetProperty("passed").GetBoolean());
        Assert.Equal(5, closed.GetProperty("consents").GetInt32());
        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{matter}");
        Assert.Contains("未通过（同意 5/9 户）", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("3/4", 7, true)]
    [InlineData("3/4", 6, false)]
    [InlineData("1/2", 5, true)]
    [InlineData("1/2", 4, false)]
    [InlineData("9/9", 9, true)]
    [InlineData("9/9", 8, false)]
    public async Task A_vote_with_its_own_threshold_is_decided_by_exact_fractions(string threshold, int consents, bool passes)
    {
        var (_, matter, building, households) = await DeliberatingAsync();
        var vote = await OpenVoteAsync(matter, building, threshold);

        await CastAllAsync(matter, vote, households.Take(consents), consent: true);
        await CastAllAsync(matter, vote, households.Skip(consents), consent: false);

        var closed = await CloseAsync(matter, vote);
        Assert.Equal(threshold, closed.GetProperty("consentThreshold").GetString());
        Assert.Equal(passes, closed.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Only_the_buildings_households_vote_once_each_and_only_while_the_vote_is_open()
    {
        var (grid, matter, building, households) = await DeliberatingAsync(households: 3);
        var elsewhere = await Client.CreateHouseholdAsync(await Client.CreateBuildingAsync(grid, "13栋"), "101");
        var vote = await OpenVoteAsync(matter, building);
        // The electorate is fixed when the vote opens: a household registered afterwards does not vote or count.
        var movedIn = await Client.CreateHouseholdAsync(building, "901");

        await (await CastAsync(matter, vote, movedIn, true)).AssertRuleAsync("vote.household-not-eligible");
        await (await CastAsync(matter, vote, elsewhere, true)).AssertRuleAsync("vote.household-not-eligible");
        await (await CastAsync(matter, vote, Guid.NewGuid(), true)).AssertRuleAsync("vote.household-not-eligible");
        await (await CastAsync(matter, vote, households[0], null)).AssertInvalidAsync("consent");
        await CastAllAsync(matter, vote, households.Take(1), consent: true);
        await (await CastAsync(matter, vote, households[0], false)).AssertRuleAsync("vote.already-voted");
        await CastAllAsync(matter, vote, households.Skip(1).Take(1), consent: true);

        var closed = await CloseAsync(matter, vote);
        Assert.True(closed.GetProperty("passed").GetBoolean());
        Assert.Equal(2, closed.GetProperty("ballots").GetInt32());
        await (await CastAsync(matter, vote, households[2], false)).AssertRuleAsync("vote.closed");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{matter}/votes/{vote}/close", new { })).AssertRuleAsync("vote.closed");

        Assert.Equal(2, await fixture.ScalarAsync<long>($"SELECT count(*) FROM ballots WHERE vote_id = '{vote}'"));
        Assert.Equal(3, closed.GetProperty("eligibleHouseholds").GetInt32());
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT consent FROM ballots WHERE vote_id = '{vote}' AND household_id = '{households[0]}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await CastAsync(matter, Guid.NewGuid(), households[2], true)).StatusCode);
    }

    [Fact]
    public async Task A_vote_is_held_only_in_deliberation_on_a_building_of_the_matters_grid_with_households()
    {
        var grid = await Client.CreateGridAsync();
        var building = await Client.CreateBuildingAsync(grid, "14栋");
        await Client.CreateHouseholdAsync(building, "101");
        var accepted = await Client.AcceptedMatterAsync(grid, "ElevatorRetrofit");

        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = building, question = "是否加装电梯" })).AssertRuleAsync("matter.transition");
        var reported = (await Client.ReportMatterAsync(grid, "ElevatorRetrofit")).GetProperty("id").GetGuid();
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{reported}/votes", new { buildingId = building, question = "是否加装电梯" })).AssertRuleAsync("matter.transition");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM building_votes WHERE matter_id IN ('{accepted}', '{reported}')"));

        await Client.PostOkAsync($"/api/grid/matters/{accepted}/deliberation", new { }, HttpStatusCode.OK);
        var otherGridsBuilding = await Client.CreateBuildingAsync(await Client.CreateGridAsync(), "14栋");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = otherGridsBuilding, question = "是否加装电梯" })).AssertInvalidAsync("buildingId");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = building, question = "是否加装电梯", consentThreshold = "3/2" })).AssertInvalidAsync("consentThreshold");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = building, question = "是否加装电梯", consentThreshold = "0.67" })).AssertInvalidAsync("consentThreshold");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = building, question = "" })).AssertInvalidAsync("question");
        var empty = await Client.CreateBuildingAsync(grid, "15栋");
        await (await Client.PostAsJsonAsync($"/api/grid/matters/{accepted}/votes", new { buildingId = empty, question = "是否加装电梯" })).AssertRuleAsync("vote.no-households");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM building_votes WHERE matter_id = '{accepted}'"));

        // A vote still open when the matter moves on to its handler can still be closed, and its result is noted.
        var vote = await OpenVoteAsync(accepted, building);
        await Client.PostOkAsync($"/api/grid/matters/{accepted}/assign", new { handler = "电梯公司", dueOn = GridApi.Iso(GridApi.Today.AddDays(30)) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{accepted}/votes/{vote}/close", new { }, HttpStatusCode.OK);
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM building_votes WHERE id = '{vote}' AND closed_at IS NOT NULL"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matter_timeline WHERE matter_id = '{accepted}' AND note LIKE '楼栋表决%'"));
    }
}

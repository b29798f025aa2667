using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class PlacesApiTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private async Task<JsonElement> BuildingsAsync(HttpClient client, string? gridCode) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/grid/buildings" + (gridCode is null ? "" : $"?gridCode={gridCode}"))).GetProperty("items");

    private async Task<JsonElement> ResidentsAsync(string query, HttpClient? client = null) =>
        await (client ?? Client).GetFromJsonAsync<JsonElement>("/api/grid/residents?" + query);

    [Fact]
    public async Task A_building_with_a_unit_households_and_residents_is_registered_and_listed_with_its_household_count()
    {
        var grid = await Client.CreateGridAsync();
        var building = await Client.PostOkAsync("/api/grid/buildings", new { gridCode = grid, name = " 3栋 ", address = "幸福路1号" });
        Assert.Equal("3栋", building.GetProperty("name").GetString());
        Assert.Equal(grid, building.GetProperty("gridCode").GetString());
        var buildingId = building.GetProperty("id").GetGuid();
        var unitId = await Client.CreateUnitAsync(buildingId, "1单元");

        var household = await Client.PostOkAsync("/api/grid/households", new { buildingId, unitId, room = "301" });
        Assert.Equal(grid, household.GetProperty("gridCode").GetString());
        Assert.Equal(unitId, household.GetProperty("unitId").GetGuid());
        var householdId = household.GetProperty("id").GetGuid();
        await Client.CreateHouseholdAsync(buildingId, "302");

        var response = await Client.PostAsJsonAsync("/api/grid/residents", new
        {
            householdId, name = "李秀英", gender = "女", birthDate = "1958-02-03", phone = "13800001111", relation = "户主",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var resident = await response.Content.ReadFromJsonAsync<JsonElement>();
        var residentId = resident.GetProperty("id").GetGuid();
        Assert.Equal($"/api/grid/residents/{residentId}", response.Headers.Location!.OriginalString);
        Assert.Equal("Female", resident.GetProperty("gender").GetString());
        Assert.Equal(grid, resident.GetProperty("gridCode").GetString());
        Assert.False(resident.TryGetProperty("phone", out _));
        var spouse = await Client.PostOkAsync("/api/grid/residents", new { householdId, name = "王建国", gender = "Male" });
        Assert.Equal("其他", spouse.GetProperty("relation").GetString());
        Assert.Equal(JsonValueKind.Null, spouse.GetProperty("birthDate").ValueKind);

        var listed = Assert.Single((await BuildingsAsync(Client, grid)).EnumerateArray());
        Assert.Equal(buildingId, listed.GetProperty("id").GetGuid());
        Assert.Equal("幸福路1号", listed.GetProperty("address").GetString());
        Assert.Equal(2, listed.GetProperty("households").GetInt32());
        Assert.Equal("1单元", Assert.Single(listed.GetProperty("units").EnumerateArray()).GetProperty("name").GetString());

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/residents/{residentId}");
        Assert.Equal("李秀英", fetched.GetProperty("name").GetString());
        Assert.Equal("1958-02-03", fetched.GetProperty("birthDate").GetString());
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT phone FROM residents WHERE id = '{residentId}'"), "13800001111");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/grid/residents/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Residents_are_filtered_by_grid_building_household_and_a_literal_name_prefix()
    {
        var grid = await Client.CreateGridAsync();
        var otherGrid = await Client.CreateGridAsync();
        var east = await Client.CreateBuildingAsync(grid, "东1栋");
        var west = await Client.CreateBuildingAsync(grid, "西2栋");
        var eastHome = await Client.CreateHouseholdAsync(east, "101");
        var westHome = await Client.CreateHouseholdAsync(west, "201");
        var xiaoming = await Client.RegisterResidentAsync(eastHome, "王小明");
        var xiaohong = await Client.RegisterResidentAsync(eastHome, "王小红", "女");
        var li = await Client.RegisterResidentAsync(eastHome, "李明");
        var dali = await Client.RegisterResidentAsync(westHome, "王大力");
        var elsewhere = await Client.RegisterResidentAsync(await Client.CreateHouseholdAsync(await Client.CreateBuildingAsync(otherGrid, "东1栋"), "101"), "王小明");

        Assert.Equal([xiaoming, xiaohong, li, dali], (await ResidentsAsync($"gridCode={grid}")).Ids());
        Assert.Equal([xiaoming, xiaohong, li], (await ResidentsAsync($"buildingId={east}")).Ids());
        Assert.Equal([dali], (await ResidentsAsync($"householdId={westHome}")).Ids());
        Assert.Equal([xiaoming, xiaohong], (await ResidentsAsync($"gridCode={grid}&name=王小")).Ids());
        Assert.Equal([xiaoming, elsewhere], (await ResidentsAsync("name=王小明&limit=200")).Ids().Where(id => id == xiaoming || id == elsewhere));
        // The prefix is matched literally: LIKE wildcards typed by the user match nothing.
        Assert.Empty((await ResidentsAsync($"gridCode={grid}&name=%25")).Ids());
        Assert.Empty((await ResidentsAsync($"gridCode={grid}&name=王_")).Ids());
    }

    [Fact]
    public async Task Residents_are_paged_by_cursor_without_gaps_or_repeats()
    {
        var grid = await Client.CreateGridAsync();
        var household = await Client.CreateHouseholdAsync(await Client.CreateBuildingAsync(grid), "501");
        var registered = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            registered.Add(await Client.RegisterResidentAsync(household, $"住户{i}", birthDate: $"199{i}-01-01"));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ResidentsAsync($"householdId={household}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            var items = page.Ids();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(registered.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_building_head_must_live_in_the_building_and_a_unit_head_in_the_unit()
    {
        var grid = await Client.CreateGridAsync();
        var building = await Client.CreateBuildingAsync(grid, "7栋");
        var unitOne = await Client.CreateUnitAsync(building, "1单元");
        var unitTwo = await Client.CreateUnitAsync(building, "2单元");
        var inUnitOne = await Client.RegisterResidentAsync(await Client.CreateHouseholdAsync(building, "101", unitOne), "陈楼长");
        var inUnitTwo = await Client.RegisterResidentAsync(await Client.CreateHouseholdAsync(building, "201", unitTwo), "周单元");
        var neighbour = await Client.RegisterResidentAsync(await Client.CreateHouseholdAsync(await Client.CreateBuildingAsync(grid, "8栋"), "101"), "隔壁楼");

        await (await Client.PutAsJsonAsync($"/api/grid/buildings/{building}/head", new { residentId = neighbour })).AssertRuleAsync("building.head-lives-elsewhere");
        var listed = (await BuildingsAsync(Client, grid)).EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == building);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("headResidentId").ValueKind);

        await Client.PutOkAsync($"/api/grid/buildings/{building}/head", new { residentId = inUnitOne }, HttpStatusCode.NoContent);
        await (await Client.PutAsJsonAsync($"/api/grid/units/{unitOne}/head", new { residentId = inUnitTwo })).AssertRuleAsync("unit.head-lives-elsewhere");
        await Client.PutOkAsync($"/api/grid/units/{unitTwo}/head", new { residentId = inUnitTwo }, HttpStatusCode.NoContent);

        listed = (await BuildingsAsync(Client, grid)).EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == building);
        Assert.Equal(inUnitOne, listed.GetProperty("headResidentId").GetGuid());
        var units = listed.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(JsonValueKind.Null, units["1单元"].GetProperty("headResidentId").ValueKind);
        Assert.Equal(inUnitTwo, units["2单元"].GetProperty("headResidentId").GetGuid());

        Assert.Contains("names no resident", await (await Client.PutAsJsonAsync($"/api/grid/buildings/{building}/head", new { residentId = Guid.NewGuid() })).AssertInvalidAsync("residentId"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/grid/units/{Guid.NewGuid()}/head", new { residentId = inUnitOne })).StatusCode);
        Assert.Equal(inUnitOne, await fixture.ScalarAsync<Guid>($"SELECT head_resident_id FROM buildings WHERE id = '{building}'"));
    }

    [Fact]
    public async Task Places_are_validated_field_by_field_and_a_second_room_or_building_of_the_same_name_is_409()
    {
        var grid = await Client.CreateGridAsync();
        var building = await Client.CreateBuildingAsync(grid, "9栋");
        var other = await Client.CreateBuildingAsync(grid, "10栋");
        var otherUnit = await Client.CreateUnitAsync(other);
        var household = await Client.CreateHouseholdAsync(building, "101");

        await (await Client.PostAsJsonAsync("/api/grid/buildings", new { gridCode = grid, name = " " })).AssertInvalidAsync("name");
        Assert.Contains("names no grid", await (await Client.PostAsJsonAsync("/api/grid/buildings", new { gridCode = UniqueCode(), name = "1栋" })).AssertInvalidAsync("gridCode"));
        await (await Client.PostAsJsonAsync("/api/grid/buildings", new { gridCode = grid, name = "9栋" })).AssertRuleAsync("unique");
        Assert.Contains("another building", await (await Client.PostAsJsonAsync("/api/grid/households", new { buildingId = building, unitId = otherUnit, room = "102" })).AssertInvalidAsync("unitId"));
        await (await Client.PostAsJsonAsync("/api/grid/households", new { room = "102" })).AssertInvalidAsync("buildingId");
        await (await Client.PostAsJsonAsync("/api/grid/households", new { buildingId = building, room = "" })).AssertInvalidAsync("room");
        await (await Client.PostAsJsonAsync("/api/grid/households", new { buildingId = building, room = "101" })).AssertRuleAsync("unique");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/grid/buildings/{Guid.NewGuid()}/units", new { name = "1单元" })).StatusCode);

        var invalid = await Client.PostAsJsonAsync("/api/grid/residents", new
        {
            householdId = household, name = "", gender = "未知", birthDate = Iso(Today.AddDays(1)), phone = "02112345678", relation = new string('亲', 21),
        });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["birthDate", "gender", "name", "phone", "relation"], errors.EnumerateObject().Select(e => e.Name).Order());
        await (await Client.PostAsJsonAsync("/api/grid/residents", new { householdId = Guid.NewGuid(), name = "张三", gender = "男" })).AssertInvalidAsync("householdId");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM residents WHERE household_id = '{household}'"));
    }

    [Fact]
    public async Task A_grid_worker_sees_and_changes_only_the_places_of_their_grid()
    {
        var mine = await Client.CreateGridAsync();
        var theirs = await Client.CreateGridAsync();
        var myBuilding = await Client.CreateBuildingAsync(mine, "1栋");
        var theirBuilding = await Client.CreateBuildingAsync(theirs, "1栋");
        var myResident = await Client.RegisterResidentAsync(await Client.CreateHouseholdAsync(myBuilding, "101"), "本网格居民");
        var theirHousehold = await Client.CreateHouseholdAsync(theirBuilding, "101");
        var theirResident = await Client.RegisterResidentAsync(theirHousehold, "外网格居民");
        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var buildings = (await BuildingsAsync(worker, null)).EnumerateArray().ToList();
        Assert.Contains(buildings, b => b.GetProperty("id").GetGuid() == myBuilding);
        Assert.All(buildings, b => Assert.Equal(mine, b.GetProperty("gridCode").GetString()));
        Assert.Empty((await BuildingsAsync(worker, theirs)).EnumerateArray());

        var residents = await ResidentsAsync("limit=200", worker);
        Assert.Equal([myResident], residents.Ids());
        Assert.Empty((await ResidentsAsync($"gridCode={theirs}", worker)).Ids());
        Assert.Empty((await ResidentsAsync($"householdId={theirHousehold}", worker)).Ids());
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/grid/residents/{myResident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/grid/residents/{theirResident}")).StatusCode);

        await worker.PostOkAsync("/api/grid/buildings", new { gridCode = mine, name = "2栋" });
        Assert.Contains(theirs, await (await worker.PostAsJsonAsync("/api/grid/buildings", new { gridCode = theirs, name = "2栋" })).AssertInvalidAsync("gridCode"));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"/api/grid/buildings/{theirBuilding}/units", new { name = "1单元" })).StatusCode);
        await (await worker.PostAsJsonAsync("/api/grid/households", new { buildingId = theirBuilding, room = "102" })).AssertInvalidAsync("buildingId");
        await (await worker.PostAsJsonAsync("/api/grid/residents", new { householdId = theirHousehold, name = "越权", gender = "男" })).AssertInvalidAsync("householdId");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PutAsJsonAsync($"/api/grid/buildings/{theirBuilding}/head", new { residentId = theirResident })).StatusCode);

        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM buildings WHERE grid_code = '{theirs}' AND name = '2栋'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM households WHERE building_id = '{theirBuilding}'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM units WHERE building_id = '{theirBuilding}'"));
    }

    [Fact]
    public async Task Places_are_closed_without_a_token_and_to_residents()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/grid/residents")).StatusCode);
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G01");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/grid/residents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/grid/buildings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/grid/residents")).StatusCode);
    }

    private static DateOnly Today => GridApi.Today;

    private static string Iso(DateOnly date) => GridApi.Iso(date);

    private static string UniqueCode() => GridApi.UniqueCode();
}

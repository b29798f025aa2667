using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class VenuesApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_venue_is_registered_by_its_chinese_kind_and_listed_in_its_grid()
    {
        var grid = fixture.NewGrid();
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new
        {
            name = "老王小餐馆", kind = "小餐饮", gridCode = grid, address = "建设路8号", ownerName = "王建国", ownerPhone = "13800138000",
            floorArea = 120.5, capacity = 40, attributes = new Dictionary<string, string> { ["燃料类型"] = "液化石油气" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var venue = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SmallRestaurant", venue.Text("kind"));
        Assert.Equal("小餐饮", venue.Text("kindLabel"));
        Assert.True(venue.GetProperty("nineSmall").GetBoolean());
        Assert.Equal("座位", venue.Text("capacityMeaning"));
        Assert.Equal(0, venue.GetProperty("openHazards").GetInt32());
        Assert.Equal($"/api/safety/venues/{venue.Id()}", response.Headers.Location?.OriginalString);

        (await Client.PostAsJsonAsync("/api/safety/venues", new { name = "河边水塘", kind = "Waters", gridCode = grid })).EnsureSuccessStatusCode();
        var restaurants = await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}&kind=SmallRestaurant");
        Assert.Equal(venue.Id(), Assert.Single(restaurants).Id());
        var byLabel = await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}&kind=水域");
        Assert.Equal("河边水塘", Assert.Single(byLabel).Text("name"));
        Assert.False(byLabel[0].GetProperty("nineSmall").GetBoolean());
        Assert.Equal(2, (await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}")).Count);

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{venue.Id()}");
        Assert.Equal("建设路8号", fetched.Text("address"));
        Assert.Equal("13800138000", fetched.Text("ownerPhone"));
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT owner_phone FROM venues WHERE id = '{venue.Id()}'"), "13800138000");
        Assert.Equal(120.5m, fetched.GetProperty("floorArea").GetDecimal());
        Assert.Equal("液化石油气", fetched.GetProperty("attributes").GetProperty("燃料类型").GetString());
    }

    [Fact]
    public async Task A_venue_in_a_grid_the_grid_service_never_announced_is_a_400_naming_the_grid()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "某小店", kind = "小商店", gridCode = SafetyApiFixture.UnknownGrid() });

        Assert.Contains("announced", await response.AssertInvalidAsync("gridCode"));
    }

    [Fact]
    public async Task A_venue_with_a_control_character_is_a_400_naming_the_field_and_is_not_registered()
    {
        var grid = fixture.NewGrid();

        var inName = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "老王\0小餐馆", kind = "小餐饮", gridCode = grid });
        var inAttribute = await Client.PostAsJsonAsync("/api/safety/venues", new
        {
            name = "老王小餐馆", kind = "小餐饮", gridCode = grid, attributes = new Dictionary<string, string> { ["燃料类型"] = "液化\u0000石油气" },
        });

        Assert.Contains("must not contain control characters", await inName.AssertInvalidAsync("name"));
        Assert.Contains("must not contain control characters", await inAttribute.AssertInvalidAsync("attributes.燃料类型"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM venues WHERE grid_code = '{grid}'"));
    }

    [Fact]
    public async Task An_unknown_venue_kind_is_a_400_listing_the_kinds()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "某场所", kind = "大商场", gridCode = fixture.NewGrid() });

        Assert.Contains("小旅馆", await response.AssertInvalidAsync("kind"));
        Assert.Contains("小旅馆", await (await Client.GetAsync("/api/safety/venues?kind=大商场")).AssertInvalidAsync("kind"));
    }

    [Fact]
    public async Task A_venue_without_a_name_or_grid_is_a_400_naming_both()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = " ", kind = "小商店" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("gridCode", out _));

        var named = await Client.PostAsJsonAsync("/api/safety/venues", new { name = " ", kind = "小商店", gridCode = fixture.NewGrid(), ownerPhone = "12345" });
        var namedErrors = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(namedErrors.TryGetProperty("name", out _));
        Assert.True(namedErrors.TryGetProperty("ownerPhone", out _));
    }

    [Fact]
    public async Task A_nine_small_venue_over_this_localitys_limits_is_a_400_saying_it_is_a_key_unit()
    {
        var grid = fixture.NewGrid();

        var tooLarge = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "大酒楼", kind = "SmallRestaurant", gridCode = grid, floorArea = 301 });
        Assert.Contains("消防安全重点单位", await tooLarge.AssertInvalidAsync("floorArea"));
        var tooManyBeds = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "康复诊所", kind = "小医院/诊所", gridCode = grid, capacity = 21 });
        Assert.Contains("床位", await tooManyBeds.AssertInvalidAsync("capacity"));
        var workshop = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "五金加工厂", kind = "SmallWorkshop", gridCode = grid, floorArea = 1000, capacity = 30 });
        Assert.Equal(HttpStatusCode.Created, workshop.StatusCode);
        var site = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "安置房工地", kind = "ConstructionSite", gridCode = grid, floorArea = 20000, capacity = 300 });
        Assert.Equal(HttpStatusCode.Created, site.StatusCode);
        Assert.Equal(2, (await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}")).Count);
    }

    [Fact]
    public async Task A_venue_is_corrected_with_put_keeping_its_kind_and_grid_and_within_the_limits()
    {
        var grid = fixture.NewGrid();
        var venue = await Client.RegisterVenueAsync(grid);

        var updated = await Client.PutOkAsync($"/api/safety/venues/{venue.Id()}", new { name = "老王面馆（新店）", ownerName = "王小明", floorArea = 150, capacity = 60 });
        Assert.Equal("老王面馆（新店）", updated.Text("name"));
        Assert.Equal("王小明", updated.Text("ownerName"));
        Assert.Equal(("SmallRestaurant", grid), (updated.Text("kind"), updated.Text("gridCode")));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("address").ValueKind);

        Assert.Contains("消防安全重点单位", await (await Client.PutAsJsonAsync($"/api/safety/venues/{venue.Id()}", new { name = "老王酒楼", floorArea = 400 })).AssertInvalidAsync("floorArea"));
        await (await Client.PutAsJsonAsync($"/api/safety/venues/{venue.Id()}", new { name = "" })).AssertInvalidAsync("name");
        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{venue.Id()}");
        Assert.Equal(("老王面馆（新店）", 150m), (fetched.Text("name"), fetched.GetProperty("floorArea").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/safety/venues/{Guid.NewGuid()}", new { name = "无" })).StatusCode);
    }

    [Fact]
    public async Task Venues_list_their_open_hazard_counts_and_filter_by_whether_they_have_any()
    {
        var grid = fixture.NewGrid();
        var inspected = await Client.InspectAsync(grid, 1, 11);
        var withHazards = inspected.GetProperty("inspection").GetProperty("venueId").GetGuid();
        var clean = await Client.RegisterVenueIdAsync(grid, name: "干净小店");

        var all = await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}");
        Assert.Equal(2, all.Single(v => v.Id() == withHazards).GetProperty("openHazards").GetInt32());
        Assert.Equal(0, all.Single(v => v.Id() == clean).GetProperty("openHazards").GetInt32());
        Assert.Equal(withHazards, Assert.Single(await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}&withOpenHazards=true")).Id());
        Assert.Equal(clean, Assert.Single(await Client.ItemsAsync($"/api/safety/venues?gridCode={grid}&withOpenHazards=false")).Id());
        Assert.Equal(2, (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{withHazards}")).GetProperty("openHazards").GetInt32());

        var hazard = inspected.GetProperty("hazards")[0].Id();
        await Client.PostOkAsync($"/api/safety/hazards/{hazard}/submission", new { photos = new[] { "rect/1.jpg" } }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/safety/hazards/{hazard}/reinspection", new { passed = true }, HttpStatusCode.OK);
        Assert.Equal(1, (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{withHazards}")).GetProperty("openHazards").GetInt32());
    }

    [Fact]
    public async Task Venues_are_closed_without_a_token_registered_by_inspectors_and_hidden_from_residents()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/venues")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/safety/venues", new { name = "某店", kind = "小商店", gridCode = "G01" })).StatusCode);
        var inspector = fixture.App.CreateClientAs(CommunityRoles.Inspector);
        var created = await inspector.PostAsJsonAsync("/api/safety/venues", new { name = "春风幼儿园", kind = "小学校/幼儿园", gridCode = fixture.NewGrid() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G01");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/safety/venues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/safety/venues/{id}")).StatusCode);
        var member = fixture.App.CreateClientAs(CommunityRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/safety/venues/{id}", new { name = "改名" })).StatusCode);
        var volunteerLeader = fixture.App.CreateClientAs(CommunityRoles.VolunteerLeader);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteerLeader.PostAsJsonAsync("/api/safety/venues", new { name = "某店", kind = "小商店", gridCode = "G01" })).StatusCode);
        var county = fixture.App.CreateClientAs(CommunityRoles.County);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/safety/venues/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync("/api/safety/venues", new { name = "某店", kind = "小商店", gridCode = "G01" })).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_sees_and_registers_only_in_their_grids_and_another_grids_venue_is_404()
    {
        var mine = fixture.NewGrid();
        var theirs = fixture.NewGrid();
        var own = await Client.RegisterVenueIdAsync(mine, "SmallShop", "本网格小店");
        var other = await Client.RegisterVenueIdAsync(theirs, "SmallShop", "外网格小店");
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var everything = await gridWorker.ItemsAsync("/api/safety/venues?limit=200");
        Assert.Contains(everything, v => v.Id() == own);
        Assert.All(everything, v => Assert.Equal(mine, v.Text("gridCode")));
        Assert.Empty(await gridWorker.ItemsAsync($"/api/safety/venues?gridCode={theirs}"));
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/safety/venues/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/safety/venues/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.PutAsJsonAsync($"/api/safety/venues/{other}", new { name = "改名" })).StatusCode);
        await (await gridWorker.PostAsJsonAsync("/api/safety/venues", new { name = "越界小店", kind = "SmallShop", gridCode = theirs })).AssertInvalidAsync("gridCode");
        Assert.Equal(HttpStatusCode.Created, (await gridWorker.PostAsJsonAsync("/api/safety/venues", new { name = "新开小店", kind = "SmallShop", gridCode = mine })).StatusCode);
        Assert.Equal("外网格小店", (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{other}")).Text("name"));
    }

    [Fact]
    public async Task Venues_are_paged_by_cursor()
    {
        var grid = fixture.NewGrid();
        for (var i = 0; i < 3; i++)
        {
            await Client.RegisterVenueIdAsync(grid, "SmallShop", $"小店{i}");
        }

        var first = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues?gridCode={grid}&limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.Text("nextCursor");
        Assert.NotNull(cursor);
        var second = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues?gridCode={grid}&limit=2&cursor={cursor}");
        Assert.Equal("小店2", Assert.Single(second.GetProperty("items").EnumerateArray()).Text("name"));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task An_unknown_venue_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/safety/venues/{Guid.NewGuid()}")).StatusCode);
}

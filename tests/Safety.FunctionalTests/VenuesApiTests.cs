using System.Net;
using CommunityPlatform.ServiceKit.Security;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class VenuesApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string NewGrid() => "G-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_venue_is_registered_by_its_chinese_kind_and_listed_in_its_grid()
    {
        var grid = NewGrid();
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "老王小餐馆", kind = "小餐饮", gridCode = grid, address = "建设路8号" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var venue = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SmallRestaurant", venue.GetProperty("kind").GetString());
        Assert.Equal("小餐饮", venue.GetProperty("kindLabel").GetString());

        (await Client.PostAsJsonAsync("/api/safety/venues", new { name = "河边水塘", kind = "Waters", gridCode = grid })).EnsureSuccessStatusCode();
        var restaurants = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues?gridCode={grid}&kind=SmallRestaurant");
        Assert.Equal(1, restaurants.GetProperty("items").GetArrayLength());
        var all = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues?gridCode={grid}");
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());

        var id = venue.GetProperty("id").GetGuid();
        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/venues/{id}");
        Assert.Equal("建设路8号", fetched.GetProperty("address").GetString());
    }

    [Fact]
    public async Task An_unknown_venue_kind_is_a_400_listing_the_kinds()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = "某场所", kind = "大商场", gridCode = NewGrid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("小旅馆", problem.GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task A_venue_without_a_name_or_grid_is_a_400_naming_both()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/venues", new { name = " ", kind = "小商店" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("gridCode", out _));
    }

    [Fact]
    public async Task Venues_are_closed_without_a_token_registered_by_inspectors_and_hidden_from_residents()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/venues")).StatusCode);
        var inspector = fixture.App.CreateClientAs(CommunityRoles.Inspector);
        var created = await inspector.PostAsJsonAsync("/api/safety/venues", new { name = "春风幼儿园", kind = "小学校/幼儿园", gridCode = NewGrid() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G01");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/safety/venues")).StatusCode);
        var volunteerLeader = fixture.App.CreateClientAs(CommunityRoles.VolunteerLeader);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteerLeader.PostAsJsonAsync("/api/safety/venues", new { name = "某店", kind = "小商店", gridCode = "G01" })).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_sees_only_the_venues_of_their_grids_and_another_grids_venue_is_404()
    {
        var mine = NewGrid();
        var theirs = NewGrid();
        var own = await (await Client.PostAsJsonAsync("/api/safety/venues", new { name = "本网格小店", kind = "小商店", gridCode = mine })).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await Client.PostAsJsonAsync("/api/safety/venues", new { name = "外网格小店", kind = "小商店", gridCode = theirs })).Content.ReadFromJsonAsync<JsonElement>();
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var everything = await gridWorker.GetFromJsonAsync<JsonElement>("/api/safety/venues?limit=200");
        Assert.All(everything.GetProperty("items").EnumerateArray(), v => Assert.Equal(mine, v.GetProperty("gridCode").GetString()));
        var askedForTheirs = await gridWorker.GetFromJsonAsync<JsonElement>($"/api/safety/venues?gridCode={theirs}");
        Assert.Equal(0, askedForTheirs.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/safety/venues/{own.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/safety/venues/{other.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_venue_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/safety/venues/{Guid.NewGuid()}")).StatusCode);
}

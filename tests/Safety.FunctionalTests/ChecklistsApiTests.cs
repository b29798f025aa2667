using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Safety.FunctionalTests;

/// <summary>
/// The office's own checklists here are for small clinics or for no kind at all, so that the inspections of the
/// other tests keep getting the shipped checklist of their kind by default.
/// </summary>
[Collection(SafetyApiCollection.Name)]
public sealed class ChecklistsApiTests(SafetyApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string NewCode() => "office-" + Guid.NewGuid().ToString("N")[..8];

    private static object Items(params string[] questions) =>
        questions.Select((q, i) => new { category = i % 2 == 0 ? "Fire" : "用电", question = q, evidenceRequired = i == 0, severityIfFailed = "General" }).ToArray();

    [Fact]
    public async Task The_thirteen_shipped_checklists_are_listed_and_readable_with_their_items()
    {
        var all = await Client.ListAsync("/api/safety/checklists");
        var shipped = all.Where(c => c.GetProperty("shipped").GetBoolean()).Select(c => c.Text("code")).ToList();
        Assert.Equal(13, shipped.Count);
        Assert.Contains("small-restaurant", shipped);
        Assert.Contains("drowning-waters", shipped);
        Assert.Contains("forest-fire", shipped);

        var restaurant = await Client.GetFromJsonAsync<JsonElement>("/api/safety/checklists/small-restaurant");
        Assert.Equal(1, restaurant.GetProperty("version").GetInt32());
        Assert.Equal(["SmallRestaurant"], restaurant.GetProperty("venueKinds").EnumerateArray().Select(k => k.GetString()));
        var items = restaurant.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(14, items.Count);
        Assert.Equal(Enumerable.Range(1, 14), items.Select(i => i.GetProperty("number").GetInt32()));
        Assert.Equal("消防", items[0].Text("categoryLabel"));
        Assert.Equal("Major", items[1].Text("severityIfFailed"));
        Assert.Equal("system", restaurant.Text("createdBy"));
    }

    [Fact]
    public async Task The_list_can_be_limited_to_the_checklists_meant_for_a_venue_kind()
    {
        var waters = await Client.ListAsync("/api/safety/checklists?venueKind=水域");
        Assert.Contains(waters, c => c.Text("code") == "drowning-waters");
        // A checklist for no particular kind (a campaign's) may be used anywhere, so it is listed for every kind.
        Assert.All(waters, c => Assert.Contains("Waters", c.GetProperty("venueKinds").EnumerateArray().Select(k => k.GetString()).DefaultIfEmpty("Waters")));
        Assert.DoesNotContain(waters, c => c.Text("code") == "small-restaurant");

        Assert.Contains("小旅馆", await (await Client.GetAsync("/api/safety/checklists?venueKind=大商场")).AssertInvalidAsync("venueKind"));
    }

    [Fact]
    public async Task A_checklist_is_created_at_version_one_and_its_code_cannot_be_taken_twice()
    {
        var code = NewCode();
        var response = await Client.PostAsJsonAsync("/api/safety/checklists", new { code, name = "诊所用氧安全检查表", venueKinds = new[] { "小医院/诊所" }, items = Items("氧气瓶是否固定", "是否远离火源") });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/safety/checklists/{code}/versions/1", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, false), (created.GetProperty("version").GetInt32(), created.GetProperty("shipped").GetBoolean()));
        Assert.Equal("Electrical", created.GetProperty("items")[1].Text("category"));
        Assert.Contains(await Client.ListAsync("/api/safety/checklists?venueKind=SmallClinic"), c => c.Text("code") == code);

        var again = await Client.PostAsJsonAsync("/api/safety/checklists", new { code, name = "重复", items = Items("问题") });
        Assert.Contains($"/api/safety/checklists/{code}/versions", (await again.AssertRuleAsync("checklist.code-taken")).Text("detail"));
        var shippedCode = await Client.PostAsJsonAsync("/api/safety/checklists", new { code = "small-shop", name = "自定义小商店表", items = Items("问题") });
        await shippedCode.AssertRuleAsync("checklist.code-taken");
    }

    [Fact]
    public async Task An_invalid_checklist_is_a_400_naming_each_field()
    {
        var response = await Client.PostAsJsonAsync("/api/safety/checklists", new
        {
            code = "Bad Code",
            name = "",
            venueKinds = new[] { "大商场" },
            items = new[] { new { category = "Noise", question = "问题", evidenceRequired = false, severityIfFailed = "Critical" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["code", "items[0].category", "items[0].severityIfFailed", "name", "venueKinds[0]"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        await (await Client.PostAsJsonAsync("/api/safety/checklists", new { code = NewCode(), name = "空表", items = Array.Empty<object>() })).AssertInvalidAsync("items");
    }

    [Fact]
    public async Task A_new_version_becomes_the_latest_and_the_old_one_stays_readable_as_it_was()
    {
        var code = NewCode();
        await Client.PostOkAsync("/api/safety/checklists", new { code, name = "第一版", items = Items("旧问题一", "旧问题二") });

        var response = await Client.PostAsJsonAsync($"/api/safety/checklists/{code}/versions", new { name = "第二版", items = Items("新问题") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/safety/checklists/{code}/versions/2", response.Headers.Location?.OriginalString);

        var latest = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/checklists/{code}");
        Assert.Equal((2, "第二版", 1), (latest.GetProperty("version").GetInt32(), latest.Text("name"), latest.GetProperty("items").GetArrayLength()));
        var first = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/checklists/{code}/versions/1");
        Assert.Equal(("第一版", 2), (first.Text("name"), first.GetProperty("items").GetArrayLength()));
        Assert.Equal("旧问题一", first.GetProperty("items")[0].Text("question"));
        var versions = await Client.ListAsync($"/api/safety/checklists/{code}/versions");
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        var listed = Assert.Single(await Client.ListAsync("/api/safety/checklists"), c => c.Text("code") == code);
        Assert.Equal(2, listed.GetProperty("version").GetInt32());

        await (await Client.PostAsJsonAsync($"/api/safety/checklists/{code}/versions", new { name = "第三版", items = Array.Empty<object>() })).AssertInvalidAsync("items");
        Assert.Equal(2, (await Client.ListAsync($"/api/safety/checklists/{code}/versions")).Count);
    }

    [Fact]
    public async Task A_shipped_checklist_gets_office_versions_which_inspections_then_use()
    {
        var grid = fixture.NewGrid();
        var clinic = await Client.RegisterVenueIdAsync(grid, "SmallClinic", "社区诊所");
        var shipped = await Client.StartInspectionAsync(clinic);
        Assert.Equal(("small-clinic", 1), (shipped.Text("templateCode"), shipped.GetProperty("templateVersion").GetInt32()));

        var code = NewCode();
        await Client.PostOkAsync("/api/safety/checklists", new { code, name = "本社区诊所检查表", venueKinds = new[] { "SmallClinic" }, items = Items("处方药是否上锁") });
        var own = await Client.StartInspectionAsync(clinic);
        Assert.Equal((code, 1), (own.Text("templateCode"), own.GetProperty("templateVersion").GetInt32()));
        var named = await Client.StartInspectionAsync(clinic, "small-clinic");
        Assert.Equal("small-clinic", named.Text("templateCode"));
        Assert.Equal(1, own.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_checklists_and_versions_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/safety/checklists/no-such-list")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/safety/checklists/no-such-list/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/safety/checklists/small-shop/versions/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/safety/checklists/no-such-list/versions", new { name = "表", items = Items("问题") })).StatusCode);
    }

    [Fact]
    public async Task Grid_workers_read_checklists_but_only_the_office_and_inspectors_write_them()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/checklists")).StatusCode);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, "SG001");
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync("/api/safety/checklists/small-shop")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/safety/checklists", new { code = NewCode(), name = "表", items = Items("问题") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/safety/checklists/small-shop/versions", new { name = "表", items = Items("问题") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident).GetAsync("/api/safety/checklists")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.County).GetAsync("/api/safety/checklists")).StatusCode);
        var inspector = fixture.App.CreateClientAs(CommunityRoles.Inspector);
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/safety/checklists", new { code = NewCode(), name = "巡查员的表", items = Items("问题") })).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class CommunityApiTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<List<JsonElement>> PartnersAsync(string? category = null, HttpClient? client = null) =>
        (await (client ?? Client).GetFromJsonAsync<JsonElement>("/api/grid/partner-units" + (category is null ? "" : $"?category={Uri.EscapeDataString(category)}"))).EnumerateArray().ToList();

    [Fact]
    public async Task A_business_is_registered_in_a_grid_and_listed_by_grid_and_category_without_its_operators_details()
    {
        var grid = await Client.CreateGridAsync();
        var otherGrid = await Client.CreateGridAsync();
        var response = await Client.PostAsJsonAsync("/api/grid/businesses", new
        {
            gridCode = grid, name = " 老王面馆 ", category = "餐饮", address = "幸福路12号", @operator = "王五", phone = "13900001111",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var noodles = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("老王面馆", noodles.GetProperty("name").GetString());
        Assert.False(noodles.TryGetProperty("phone", out _));
        Assert.False(noodles.TryGetProperty("operator", out _));
        var noodlesId = noodles.GetProperty("id").GetGuid();
        var shop = (await Client.PostOkAsync("/api/grid/businesses", new { gridCode = grid, name = "便民超市", category = "零售", address = "幸福路14号" })).GetProperty("id").GetGuid();
        var elsewhere = (await Client.PostOkAsync("/api/grid/businesses", new { gridCode = otherGrid, name = "外网格餐馆", category = "餐饮", address = "和平路1号" })).GetProperty("id").GetGuid();

        Assert.Equal([noodlesId, shop], (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/businesses?gridCode={grid}")).Ids());
        Assert.Equal([noodlesId], (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/businesses?gridCode={grid}&category=餐饮")).Ids());
        AtRest.AssertSealed(await fixture.ScalarAsync<string>($"SELECT phone FROM businesses WHERE id = '{noodlesId}'"), "13900001111");

        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, otherGrid);
        var seen = (await worker.GetFromJsonAsync<JsonElement>("/api/grid/businesses?limit=200")).Ids();
        Assert.Contains(elsewhere, seen);
        Assert.DoesNotContain(noodlesId, seen);
        Assert.Empty((await worker.GetFromJsonAsync<JsonElement>($"/api/grid/businesses?gridCode={grid}")).Ids());
        await (await worker.PostAsJsonAsync("/api/grid/businesses", new { gridCode = grid, name = "越权登记", category = "零售", address = "幸福路16号" })).AssertInvalidAsync("gridCode");
        await worker.PostOkAsync("/api/grid/businesses", new { gridCode = otherGrid, name = "本网格理发店", category = "美容美发", address = "和平路3号" });
    }

    [Fact]
    public async Task A_business_with_an_invalid_phone_or_missing_fields_is_a_400_naming_each_field()
    {
        var grid = await Client.CreateGridAsync();

        Assert.Contains("11 digits", await (await Client.PostAsJsonAsync("/api/grid/businesses", new
        {
            gridCode = grid, name = "修车铺", category = "维修", address = "幸福路20号", phone = "0571-8888888",
        })).AssertInvalidAsync("phone"));
        var response = await Client.PostAsJsonAsync("/api/grid/businesses", new { gridCode = grid, name = "", category = " ", address = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["address", "category", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await (await Client.PostAsJsonAsync("/api/grid/businesses", new { gridCode = GridApi.UniqueCode(), name = "修车铺", category = "维修", address = "幸福路20号" }))
            .AssertInvalidAsync("gridCode");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM businesses WHERE grid_code = '{grid}'"));
    }

    [Fact]
    public async Task A_partner_unit_offers_resources_by_category_label_or_code_and_is_found_by_either()
    {
        var grid = await Client.CreateGridAsync();
        var hospital = Unique("县人民医院");
        var firm = Unique("明理律师事务所");
        var paired = await Client.PostOkAsync("/api/grid/partner-units", new
        {
            name = hospital, gridCode = grid, contact = "李主任",
            resources = new[] { new { category = "医疗健康", description = "每月义诊" }, new { category = "elderlycare", description = "上门为老人体检" } },
        });
        Assert.Equal(grid, paired.GetProperty("gridCode").GetString());
        Assert.Equal(["Medical", "ElderlyCare"], paired.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("category").GetString()));
        var communityWide = await Client.PostOkAsync("/api/grid/partner-units", new { name = firm, resources = new[] { new { category = "法律", description = "每周法律咨询" } } });
        Assert.Equal(JsonValueKind.Null, communityWide.GetProperty("gridCode").ValueKind);

        Assert.Contains(await PartnersAsync("助老"), p => p.GetProperty("name").GetString() == hospital);
        Assert.Contains(await PartnersAsync("ElderlyCare"), p => p.GetProperty("name").GetString() == hospital);
        Assert.Contains(await PartnersAsync("Medical"), p => p.GetProperty("name").GetString() == hospital);
        var legal = await PartnersAsync("法律");
        Assert.Contains(legal, p => p.GetProperty("name").GetString() == firm);
        Assert.DoesNotContain(legal, p => p.GetProperty("name").GetString() == hospital);
        Assert.All(legal, p => Assert.Contains(p.GetProperty("resources").EnumerateArray(), r => r.GetProperty("category").GetString() == "Legal"));
        var all = await PartnersAsync();
        Assert.Contains(all, p => p.GetProperty("name").GetString() == hospital);
        Assert.Contains(all, p => p.GetProperty("name").GetString() == firm);

        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G01");
        Assert.Contains(await PartnersAsync("助老", worker), p => p.GetProperty("name").GetString() == hospital);
    }

    [Fact]
    public async Task A_partner_unit_with_an_unknown_category_or_no_resources_is_a_400_and_only_the_office_pairs_them()
    {
        var name = Unique("无名单位");
        Assert.Contains("助老", await (await Client.PostAsJsonAsync("/api/grid/partner-units", new
        {
            name, resources = new[] { new { category = "助老", description = "陪伴" }, new { category = "养宠物", description = "代遛狗" } },
        })).AssertInvalidAsync("resources[1].category"));
        await (await Client.PostAsJsonAsync("/api/grid/partner-units", new { name, resources = Array.Empty<object>() })).AssertInvalidAsync("resources");
        await (await Client.PostAsJsonAsync("/api/grid/partner-units", new { name, resources = new[] { new { category = "助老", description = "" } } })).AssertInvalidAsync("resources[0].description");
        await (await Client.PostAsJsonAsync("/api/grid/partner-units", new { name, gridCode = GridApi.UniqueCode(), resources = new[] { new { category = "助老", description = "陪伴" } } }))
            .AssertInvalidAsync("gridCode");
        await (await Client.GetAsync("/api/grid/partner-units?category=养宠物")).AssertInvalidAsync("category");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM partner_units WHERE name = '{name}'"));

        var worker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G01");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/grid/partner-units", new { name, resources = new[] { new { category = "助老", description = "陪伴" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, "G01").GetAsync("/api/grid/partner-units")).StatusCode);
    }
}

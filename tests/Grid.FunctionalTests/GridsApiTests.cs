using System.Net;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class GridsApiTests(GridApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string NewCode() => "G-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_grid_is_created_and_found_by_its_code()
    {
        var code = NewCode();
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new { code, name = "幸福里第三网格" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/grid/grids/{code}", response.Headers.Location!.OriginalString);
        var grid = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/grids/{code}");
        Assert.Equal("幸福里第三网格", grid.GetProperty("name").GetString());

        var all = await Client.GetFromJsonAsync<JsonElement>("/api/grid/grids");
        Assert.Contains(all.EnumerateArray(), g => g.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_second_grid_with_the_same_code_is_a_409_naming_the_rule()
    {
        var code = NewCode();
        (await Client.PostAsJsonAsync("/api/grid/grids", new { code, name = "第一网格" })).EnsureSuccessStatusCode();

        var response = await Client.PostAsJsonAsync("/api/grid/grids", new { code, name = "重复网格" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("grid.code-taken", problem.GetProperty("rule").GetString());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM grids WHERE code = '{code}'"));
    }

    [Theory]
    [InlineData("", "第一网格", "code")]
    [InlineData("G 01", "第一网格", "code")]
    [InlineData("G01X", "", "name")]
    public async Task An_invalid_grid_is_a_400_naming_the_field(string code, string name, string field)
    {
        var response = await Client.PostAsJsonAsync("/api/grid/grids", new { code, name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Grids_are_closed_without_a_token_readable_by_grid_workers_and_shaped_only_by_the_office()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/grid/grids")).StatusCode);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G01");
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync("/api/grid/grids")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/grid/grids", new { code = NewCode(), name = "越权网格" })).StatusCode);
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G01");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/grid/grids")).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_sees_only_their_own_grids_and_another_grid_is_404()
    {
        var mine = NewCode();
        var theirs = NewCode();
        (await Client.PostAsJsonAsync("/api/grid/grids", new { code = mine, name = "我的网格" })).EnsureSuccessStatusCode();
        (await Client.PostAsJsonAsync("/api/grid/grids", new { code = theirs, name = "别人的网格" })).EnsureSuccessStatusCode();
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        var visible = await gridWorker.GetFromJsonAsync<JsonElement>("/api/grid/grids");
        Assert.Equal([mine], visible.EnumerateArray().Select(g => g.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/grid/grids/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/grid/grids/{theirs}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_grid_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/grid/grids/{NewCode()}")).StatusCode);

    [Fact]
    public async Task A_created_grid_is_announced_once_through_the_outbox_and_relayed_to_the_broker()
    {
        var code = NewCode();
        await Client.PostOkAsync("/api/grid/grids", new { code, name = "公告网格" });

        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.GridCreated' AND payload->>'gridCode' = '{code}'"));
        Assert.Equal("公告网格", await fixture.ScalarAsync<string>($"SELECT payload->>'name' FROM outbox_messages WHERE message_type LIKE '%.GridCreated' AND payload->>'gridCode' = '{code}'"));
        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<bool>($"SELECT sent_at IS NOT NULL FROM outbox_messages WHERE message_type LIKE '%.GridCreated' AND payload->>'gridCode' = '{code}'"),
            sent => sent, TimeSpan.FromSeconds(60), "GridCreated to be relayed");

        await (await Client.PostAsJsonAsync("/api/grid/grids", new { code, name = "重复公告" })).AssertRuleAsync("grid.code-taken");
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.GridCreated' AND payload->>'gridCode' = '{code}'"));
    }

    [Fact]
    public async Task A_grid_is_renamed_keeping_its_code_and_GridRenamed_is_published_only_when_the_name_changes()
    {
        var code = NewCode();
        await Client.PostOkAsync("/api/grid/grids", new { code, name = "旧名网格" });

        var renamed = await Client.PutOkAsync($"/api/grid/grids/{code}", new { name = " 新名网格 " });

        Assert.Equal("新名网格", renamed.GetProperty("name").GetString());
        Assert.Equal(code, renamed.GetProperty("code").GetString());
        Assert.Equal("新名网格", (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/grids/{code}")).GetProperty("name").GetString());
        Assert.Equal("新名网格", await fixture.ScalarAsync<string>($"SELECT payload->>'name' FROM outbox_messages WHERE message_type LIKE '%.GridRenamed' AND payload->>'gridCode' = '{code}'"));

        await Client.PutOkAsync($"/api/grid/grids/{code}", new { name = "新名网格" });
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.GridRenamed' AND payload->>'gridCode' = '{code}'"));
        await (await Client.PutAsJsonAsync($"/api/grid/grids/{code}", new { name = "" })).AssertInvalidAsync("name");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/grid/grids/{NewCode()}", new { name = "不存在" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, code).PutAsJsonAsync($"/api/grid/grids/{code}", new { name = "网格员改名" })).StatusCode);
        Assert.Equal("新名网格", await fixture.ScalarAsync<string>($"SELECT name FROM grids WHERE code = '{code}'"));
    }

    [Fact]
    public async Task A_grid_is_listed_with_the_workers_identity_assigns_to_it_asked_as_the_caller_and_null_when_identity_cannot_be_asked()
    {
        var code = NewCode();
        var other = NewCode();
        await Client.PostOkAsync("/api/grid/grids", new { code, name = "网格员网格" });
        await Client.PostOkAsync("/api/grid/grids", new { code = other, name = "邻近网格" });
        var wang = Guid.NewGuid();
        var li = Guid.NewGuid();
        fixture.Identity.GridWorkers = [new(wang, "王网格", [code, other]), new(li, "李网格", [code])];

        var listed = (await Client.GetFromJsonAsync<JsonElement>("/api/grid/grids")).EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!);

        Assert.Equal([wang.ToString(), li.ToString()], listed[code].GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("userId").GetString()));
        Assert.Equal(["王网格", "李网格"], listed[code].GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(["王网格"], listed[other].GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(Client.DefaultRequestHeaders.Authorization!.ToString(), fixture.Identity.LastAuthorization);
        var one = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/grids/{code}");
        Assert.Equal(2, one.GetProperty("workers").GetArrayLength());

        // Identity not answering is not "no workers": the grids still list, their workers unknown (null).
        fixture.Identity.Unavailable = true;
        try
        {
            var unknown = (await Client.GetFromJsonAsync<JsonElement>("/api/grid/grids")).EnumerateArray().Single(g => g.GetProperty("code").GetString() == code);
            Assert.Equal(JsonValueKind.Null, unknown.GetProperty("workers").ValueKind);
        }
        finally
        {
            fixture.Identity.Unavailable = false;
        }

        // The grid service keeps no list of its own that could go stale.
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/api/grid/grids/{code}/workers", new { workers = Array.Empty<object>() })).StatusCode);
    }
}

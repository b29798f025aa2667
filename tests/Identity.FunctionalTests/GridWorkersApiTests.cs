using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

[Collection(IdentityApiCollection.Name)]
public sealed class GridWorkersApiTests(IdentityApiFixture fixture)
{
    private HttpClient WithToken(string token)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> AsAsync(string userName) =>
        WithToken((await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, Tokens.DemoPassword))).GetProperty("access_token").GetString()!);

    [Fact]
    public async Task The_grid_workers_are_listed_with_their_grids_a_grid_worker_sees_only_their_grids_and_the_county_none()
    {
        var secretary = await AsAsync("secretary");
        var userName = "gw-" + Guid.NewGuid().ToString("N")[..6];
        var created = await secretary.PostAsJsonAsync("/api/identity/users", new
        {
            userName, displayName = "钱卫东", password = "Grid#Worker2026", roles = new[] { "grid_worker" }, grids = new[] { "G02", "G09" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var all = await secretary.GetFromJsonAsync<JsonElement>("/api/identity/grid-workers");
        var listed = all.EnumerateArray().Single(w => w.GetProperty("userId").GetGuid() == id);
        Assert.Equal("钱卫东", listed.GetProperty("name").GetString());
        Assert.Equal(["G02", "G09"], listed.GetProperty("grids").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["grids", "name", "userId"], listed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(all.EnumerateArray(), w => w.GetProperty("name").GetString() == "李秀梅");
        Assert.DoesNotContain(all.EnumerateArray(), w => w.GetProperty("name").GetString() == "刘建华");

        // The demo grid worker works in G01 and G02: they see their colleague in G02, and of the colleague's grids only G02.
        var colleague = (await (await AsAsync("gridworker")).GetFromJsonAsync<JsonElement>("/api/identity/grid-workers")).EnumerateArray().ToList();
        Assert.Equal(["G02"], colleague.Single(w => w.GetProperty("userId").GetGuid() == id).GetProperty("grids").EnumerateArray().Select(g => g.GetString()));
        Assert.DoesNotContain(colleague, w => w.GetProperty("name").GetString() == "李秀梅");

        var county = await Tokens.JsonAsync(await Tokens.RequestAsync(fixture.Anonymous,
            ("grant_type", "client_credentials"), ("client_id", "county-platform"), ("client_secret", "county-demo-secret"), ("scope", "community-api")));
        Assert.Equal(HttpStatusCode.Forbidden, (await WithToken(county.GetProperty("access_token").GetString()!).GetAsync("/api/identity/grid-workers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/identity/grid-workers")).StatusCode);
    }
}

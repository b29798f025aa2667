using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

[Collection(IdentityApiCollection.Name)]
public sealed class UsersApiTests(IdentityApiFixture fixture)
{
    private Task<HttpClient> AsAsync(string userName) => Accounts.SignedInAsync(fixture, userName);

    private static object NewGridWorker(string userName) => new
    {
        userName,
        displayName = "吴海燕",
        password = "Grid#Worker2026",
        roles = new[] { "grid_worker" },
        grids = new[] { "G05" },
    };

    [Fact]
    public async Task The_secretary_creates_a_grid_worker_who_then_signs_in_with_their_grid_and_both_changes_are_audited()
    {
        var secretary = await AsAsync("secretary");
        var userName = "gw-" + Guid.NewGuid().ToString("N")[..6];

        var created = await secretary.PostAsJsonAsync("/api/identity/users", NewGridWorker(userName));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var token = await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, "Grid#Worker2026"));
        Assert.Equal(["G05"], Tokens.Values(Tokens.Claims(token.GetProperty("access_token").GetString()!), "grid"));

        var changed = await secretary.PutAsJsonAsync($"/api/identity/users/{id}/access", new { roles = new[] { "grid_worker", "member" }, grids = new[] { "G05", "G06" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = Tokens.Claims((await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, "Grid#Worker2026"))).GetProperty("access_token").GetString()!);
        Assert.Equal(["G05", "G06"], Tokens.Values(after, "grid").Order());
        Assert.Equal(["grid_worker", "member"], Tokens.Values(after, "role").Order());

        var audit = await secretary.GetFromJsonAsync<JsonElement>("/api/identity/audit?limit=200");
        var aboutThem = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == id.ToString()).ToList();
        Assert.Contains(aboutThem, e => e.GetProperty("action").GetString() == "user_created");
        Assert.Contains(aboutThem, e => e.GetProperty("action").GetString() == "access_changed" && e.GetProperty("detail").GetString()!.Contains("G06", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grid_worker_without_a_grid_a_machine_role_or_a_weak_password_is_a_400_naming_the_field()
    {
        var secretary = await AsAsync("secretary");
        var cases = new (object Body, string Field)[]
        {
            (new { userName = "gw-nogrid", displayName = "某人", password = "Grid#Worker2026", roles = new[] { "grid_worker" }, grids = Array.Empty<string>() }, "grids"),
            (new { userName = "gw-county", displayName = "某人", password = "Grid#Worker2026", roles = new[] { "county" }, grids = Array.Empty<string>() }, "roles[0]"),
            (new { userName = "gw-weak", displayName = "某人", password = "123", roles = new[] { "staff" }, grids = Array.Empty<string>() }, "password"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await secretary.PostAsJsonAsync("/api/identity/users", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Theory]
    [InlineData("""{"roles":[null]}""", "roles[0]")]
    [InlineData("""{"roles":["staff",null]}""", "roles[1]")]
    [InlineData("""{"roles":["grid_worker"],"grids":[null]}""", "grids[0]")]
    [InlineData("""{"roles":["staff"],"grids":["G01","G-0123456789-0123456789"]}""", "grids[1]")]
    public async Task A_bad_item_in_a_changed_access_is_a_400_naming_it_and_changes_nothing(string body, string field)
    {
        var (id, userName) = await Accounts.CreateAsync(fixture, ["member"]);
        var secretary = await AsAsync("secretary");

        var response = await secretary.PutAsync($"/api/identity/users/{id}/access", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
        var users = await secretary.GetFromJsonAsync<JsonElement>("/api/identity/users");
        var account = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal(["member"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("""{"userName":"gw-nullrole","displayName":"某人","password":"Grid#Worker2026","roles":[null]}""", "roles[0]")]
    [InlineData("""{"userName":"gw-nullgrid","displayName":"某人","password":"Grid#Worker2026","roles":["grid_worker"],"grids":["G01",null]}""", "grids[1]")]
    public async Task A_bad_item_in_a_new_account_is_a_400_naming_it_and_creates_nothing(string body, string field)
    {
        var secretary = await AsAsync("secretary");

        var response = await secretary.PostAsync("/api/identity/users", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
        var userName = JsonDocument.Parse(body).RootElement.GetProperty("userName").GetString();
        var users = await secretary.GetFromJsonAsync<JsonElement>("/api/identity/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName);
    }

    [Fact]
    public async Task Only_the_secretary_administers_accounts()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/identity/users")).StatusCode);
        var staff = await AsAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/identity/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/identity/users", NewGridWorker("gw-by-staff"))).StatusCode);
        var secretary = await AsAsync("secretary");
        var users = await secretary.GetFromJsonAsync<JsonElement>("/api/identity/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "gridworker");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/identity/users/{Guid.NewGuid()}/access", new { roles = new[] { "staff" } })).StatusCode);
    }
}

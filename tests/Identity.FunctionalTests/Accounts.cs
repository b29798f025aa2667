using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

/// <summary>Signed-in clients, and fresh accounts for tests that lock or change them (the demo accounts are shared).</summary>
internal static class Accounts
{
    public const string Password = "Fresh#Account2026";

    public static async Task<HttpClient> SignedInAsync(IdentityApiFixture fixture, string userName, string password = Tokens.DemoPassword)
    {
        var client = fixture.App.CreateClient();
        var token = (await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, password))).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new account with <paramref name="roles"/> and <paramref name="grids"/>, created by the secretary.</summary>
    public static async Task<(Guid Id, string UserName)> CreateAsync(IdentityApiFixture fixture, string[] roles, params string[] grids)
    {
        var userName = "acct-" + Guid.NewGuid().ToString("N")[..8];
        var secretary = await SignedInAsync(fixture, "secretary");
        var created = await secretary.PostAsJsonAsync("/api/identity/users", new { userName, displayName = "测试账号", password = Password, roles, grids });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), userName);
    }
}

using System.Net;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

[Collection(IdentityApiCollection.Name)]
public sealed class TokenEndpointTests(IdentityApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Discovery_publishes_the_flows_and_the_signing_keys()
    {
        var discovery = await Tokens.JsonAsync(await Client.GetAsync("/.well-known/openid-configuration"));

        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("password", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));

        var jwks = await Tokens.JsonAsync(await Client.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery));
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task A_grid_worker_gets_a_signed_access_token_with_their_role_and_grids()
    {
        var response = await Tokens.PasswordAsync(Client, "gridworker", Tokens.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await Tokens.JsonAsync(response);
        var claims = Tokens.Claims(token.GetProperty("access_token").GetString()!);
        Assert.Equal(["grid_worker"], Tokens.Values(claims, "role"));
        Assert.Equal(["G01", "G02"], Tokens.Values(claims, "grid").Order());
        Assert.Equal(["community-api"], Tokens.Values(claims, "aud"));
        Assert.Equal("张志强", claims.GetProperty("name").GetString());
        Assert.Equal(3, token.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var unknownUser = await Tokens.JsonAsync(await Tokens.PasswordAsync(Client, "nobody", Tokens.DemoPassword));
        var wrongPassword = await Tokens.JsonAsync(await Tokens.PasswordAsync(Client, "staff", "not-the-password"));

        Assert.Equal("invalid_grant", wrongPassword.GetProperty("error").GetString());
        Assert.Equal(unknownUser.GetProperty("error_description").GetString(), wrongPassword.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        for (var i = 0; i < 5; i++)
        {
            await Tokens.PasswordAsync(Client, "volunteerleader", "wrong-password-" + i);
        }

        var response = await Tokens.PasswordAsync(Client, "volunteerleader", Tokens.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await Tokens.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_county_platform_gets_a_machine_token_with_client_credentials_and_a_wrong_secret_gets_none()
    {
        var response = await Tokens.RequestAsync(Client,
            ("grant_type", "client_credentials"), ("client_id", "county-platform"), ("client_secret", "county-demo-secret"), ("scope", "community-api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = Tokens.Claims((await Tokens.JsonAsync(response)).GetProperty("access_token").GetString()!);
        Assert.Equal(["county"], Tokens.Values(claims, "role"));
        Assert.Equal("county-platform", claims.GetProperty("sub").GetString());

        var wrong = await Tokens.RequestAsync(Client,
            ("grant_type", "client_credentials"), ("client_id", "county-platform"), ("client_secret", "guess"), ("scope", "community-api"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await Tokens.JsonAsync(wrong)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token()
    {
        var first = await Tokens.JsonAsync(await Tokens.PasswordAsync(Client, "inspector", Tokens.DemoPassword, "community-api roles offline_access"));
        var refreshToken = first.GetProperty("refresh_token").GetString()!;

        var refreshed = await Tokens.RequestAsync(Client, ("grant_type", "refresh_token"), ("client_id", "community-cli"), ("refresh_token", refreshToken));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var claims = Tokens.Claims((await Tokens.JsonAsync(refreshed)).GetProperty("access_token").GetString()!);
        Assert.Equal(["inspector"], Tokens.Values(claims, "role"));
    }

    [Fact]
    public async Task Userinfo_answers_for_a_valid_token_and_refuses_without_one()
    {
        var token = (await Tokens.JsonAsync(await Tokens.PasswordAsync(Client, "secretary", Tokens.DemoPassword))).GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new("Bearer", token);
        var info = await Tokens.JsonAsync(await Client.SendAsync(request));
        Assert.Equal(JsonValueKind.Array, info.GetProperty("role").ValueKind);
        Assert.Equal("secretary", info.GetProperty("role")[0].GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/connect/userinfo")).StatusCode);
    }
}

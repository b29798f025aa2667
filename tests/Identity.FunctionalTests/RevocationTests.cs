using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Identity.FunctionalTests;

/// <summary>
/// How long a token outlives what it grants: access tokens live five minutes (the documented bound), and a lockout
/// or a change of access revokes the person's refresh tokens, so no session renews itself past it.
/// </summary>
[Collection(IdentityApiCollection.Name)]
public sealed class RevocationTests(IdentityApiFixture fixture)
{
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    private const string Scope = "community-api roles offline_access";

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        Tokens.RequestAsync(client, ("grant_type", "refresh_token"), ("client_id", "community-cli"), ("refresh_token", refreshToken));

    private static void AssertLivesAtMostTheBound(JsonElement token)
    {
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 1, (int)AccessTokenLifetime.TotalSeconds);
        var claims = Tokens.Claims(token.GetProperty("access_token").GetString()!);
        Assert.Equal(AccessTokenLifetime.TotalSeconds, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Access_tokens_live_five_minutes_whether_signed_in_or_refreshed()
    {
        var signedIn = await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, "staff", Tokens.DemoPassword, Scope));
        AssertLivesAtMostTheBound(signedIn);

        var refreshed = await RefreshAsync(fixture.Anonymous, signedIn.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        AssertLivesAtMostTheBound(await Tokens.JsonAsync(refreshed));
    }

    [Fact]
    public async Task After_a_role_downgrade_the_old_refresh_token_is_refused_and_a_new_sign_in_carries_the_new_role()
    {
        var (id, userName) = await Accounts.CreateAsync(fixture, ["staff"]);
        var before = await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, Accounts.Password, Scope));

        var secretary = await Accounts.SignedInAsync(fixture, "secretary");
        var changed = await secretary.PutAsJsonAsync($"/api/identity/users/{id}/access", new { roles = new[] { "resident" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var refreshed = await RefreshAsync(fixture.Anonymous, before.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await Tokens.JsonAsync(refreshed)).GetProperty("error").GetString());

        var after = await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, Accounts.Password, Scope));
        Assert.Equal(["resident"], Tokens.Values(Tokens.Claims(after.GetProperty("access_token").GetString()!), "role"));
        AssertLivesAtMostTheBound(after);
    }

    [Fact]
    public async Task A_lockout_revokes_the_refresh_token_for_good_not_only_while_it_lasts()
    {
        var (id, userName) = await Accounts.CreateAsync(fixture, ["staff"]);
        var before = await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, Accounts.Password, Scope));
        for (var i = 0; i < 5; i++)
        {
            await Tokens.PasswordAsync(fixture.Anonymous, userName, "wrong-password-" + i);
        }

        // The lockout runs out (here: at once); the refresh token issued before it must stay dead.
        await fixture.ScalarAsync<int>($"UPDATE \"AspNetUsers\" SET lockout_end = NULL, access_failed_count = 0 WHERE id = '{id}' RETURNING 1");

        var refreshed = await RefreshAsync(fixture.Anonymous, before.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await Tokens.JsonAsync(refreshed)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Tokens.PasswordAsync(fixture.Anonymous, userName, Accounts.Password, Scope)).StatusCode);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Gateway.Extensions;

/// <summary>
/// Keeps a browser session alive through a working day: access tokens live five minutes (so a lockout or a change of
/// access reaches every service within that), and in the session's token's last minute the gateway redeems its refresh
/// token at the identity service and stores the new pair in the cookie. A refresh the identity service refuses (the
/// account locked, its access changed: both revoke the person's tokens) ends the session; the next request then gets
/// 401 and the person signs in again.
/// </summary>
internal static class SessionRefresh
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<GatewaySessionOptions>>().Value;
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            || expires - time.GetUtcNow() > options.RefreshBefore)
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await RedeemAsync(http, refreshToken);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken ?? refreshToken!);
        context.Properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task<TokenResponse?> RedeemAsync(HttpContext http, string refreshToken)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = oidc.ClientId!,
            ["refresh_token"] = refreshToken,
        }), http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(http.RequestAborted), cancellationToken: http.RequestAborted);
        var root = body.RootElement;
        return new TokenResponse(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null,
            root.TryGetProperty("expires_in", out var lifetime) ? lifetime.GetInt32() : 0);
    }

    private sealed record TokenResponse(string AccessToken, string? RefreshToken, int ExpiresIn);
}

/// <summary>The browser session (section <c>Gateway:Session</c>).</summary>
public sealed class GatewaySessionOptions
{
    /// <summary>How long a session lasts without being used again.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long before its access token expires the session fetches a new one (well inside the tokens' five minutes).</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(1);
}

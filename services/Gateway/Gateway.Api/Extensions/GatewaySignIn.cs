using System.Net.Http.Headers;
using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CommunityPlatform.Gateway.Extensions;

/// <summary>
/// Browser sign-in at the front door: <c>/login?returnUrl=/api/...</c> signs a person in through the identity
/// service (authorization code + PKCE) and keeps their access token in an HTTP-only session cookie; the gateway then
/// puts it on the requests it forwards for them. So a report, or any list a report figure links to, opens in a
/// plain browser tab. The token never reaches script; API clients that send their own bearer token are untouched.
/// </summary>
internal static class GatewaySignIn
{
    public const string SessionCookie = "cp.session";

    /// <summary>A state-changing request must carry this header to be sent with the session's token (a cross-site form cannot add it).</summary>
    public const string CsrfHeader = "X-CSRF";

    public static void AddGatewaySignIn(this IHostApplicationBuilder builder)
    {
        // The issuer is the gateway's own public address; without it (the gateway's tests) there is no one to sign in with.
        var issuer = builder.Configuration["Authentication:Issuer"]?.TrimEnd('/');
        if (issuer is null)
        {
            return;
        }

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = issuer;
                oidc.RequireHttpsMetadata = false;
                oidc.ClientId = FirstPartyClients.Gateway;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and
                // follow the request's scheme: the handler's defaults (a cross-site form post, SameSite=None, Secure)
                // need HTTPS, which ends in front of the suite.
                oidc.ResponseMode = "query";
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "community-api" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.SaveTokens = true;
                // The session ends with the token it carries, so the gateway never forwards an expired one.
                oidc.UseTokenLifetime = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
            });
        builder.Services.AddSingleton<ITransformProvider, SessionTokenTransform>();
    }

    public static void UseGatewaySignIn(this WebApplication app)
    {
        if (app.Configuration["Authentication:Issuer"] is null)
        {
            return;
        }

        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/logout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" }, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
    }

    /// <summary>Only a path on this site: anything else would make sign-in an open redirect.</summary>
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>Puts the session's access token on a forwarded request that carries none.</summary>
    private sealed class SessionTokenTransform : ITransformProvider
    {
        public void ValidateRoute(TransformRouteValidationContext context)
        {
        }

        public void ValidateCluster(TransformClusterValidationContext context)
        {
        }

        public void Apply(TransformBuilderContext context) => context.AddRequestTransform(async transform =>
        {
            var http = transform.HttpContext;
            if (transform.ProxyRequest.Headers.Authorization is not null || http.User.Identity?.IsAuthenticated != true)
            {
                return;
            }

            var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            if (!safe && !http.Request.Headers.ContainsKey(CsrfHeader))
            {
                return;
            }

            if (await http.GetTokenAsync("access_token") is { } token)
            {
                transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        });
    }
}

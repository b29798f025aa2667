using System.Net.Http.Headers;
using System.Security.Claims;
using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>The identity service's claim for a grid a person works in (ServiceKit's <c>CommunityClaims.Grid</c>).</summary>
    private const string GridClaim = "grid";

    public static void AddGatewaySignIn(this IHostApplicationBuilder builder)
    {
        // The issuer is the gateway's own public address; without it (the gateway's tests) there is no one to sign in with.
        var issuer = builder.Configuration["Authentication:Issuer"]?.TrimEnd('/');
        if (issuer is null)
        {
            return;
        }

        var session = builder.Configuration.GetSection("Gateway:Session");
        builder.Services.Configure<GatewaySessionOptions>(session);
        var idleTimeout = session.Get<GatewaySessionOptions>()?.IdleTimeout ?? new GatewaySessionOptions().IdleTimeout;
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
                cookie.ExpireTimeSpan = idleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = SessionRefresh.ValidateAsync;
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
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access", "community-api" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.SaveTokens = true;
                // The session outlives its access token: SessionRefresh renews the token before it expires.
                oidc.UseTokenLifetime = false;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
            });
        builder.Services.AddSingleton<ITransformProvider, SessionTokenTransform>();
    }

    /// <summary>Reads the session cookie, so that everything after it knows the person.</summary>
    public static void UseGatewaySession(this WebApplication app)
    {
        if (app.Configuration["Authentication:Issuer"] is not null)
        {
            app.UseAuthentication();
        }
    }

    public static void UseGatewaySignIn(this WebApplication app)
    {
        if (app.Configuration["Authentication:Issuer"] is null)
        {
            return;
        }

        app.MapGet("/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/session", SessionOf);
        app.MapGet("/logout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" }, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
    }

    /// <summary>
    /// Who is signed in, for a front end served from this origin: it cannot read the HTTP-only cookie, and it
    /// should not have to read a token to know whose menu to show. The services still decide every request.
    /// </summary>
    private static Results<Ok<SessionResponse>, ProblemHttpResult> SessionOf(ClaimsPrincipal user, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (user.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Problem(title: "Not signed in.", detail: "Sign in at /login.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Ok(new SessionResponse(
            user.FindFirstValue("name") ?? "",
            user.FindFirstValue("preferred_username") ?? "",
            [.. user.FindAll("role").Select(c => c.Value).Order(StringComparer.Ordinal)],
            [.. user.FindAll(GridClaim).Select(c => c.Value).Order(StringComparer.Ordinal)]));
    }

    /// <summary>The signed-in person as a front end needs them: name, roles and grids.</summary>
    internal sealed record SessionResponse(string Name, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Grids);

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

        public void Apply(TransformBuilderContext context)
        {
            // The workbench's files are public; only API calls need the person's token.
            if (context.Route.RouteId != GatewayExtensions.WorkbenchRoute)
            {
                context.AddRequestTransform(AttachSessionTokenAsync);
            }
        }

        private static async ValueTask AttachSessionTokenAsync(RequestTransformContext transform)
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
        }
    }
}

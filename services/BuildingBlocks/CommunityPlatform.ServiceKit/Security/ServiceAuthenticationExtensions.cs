using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CommunityPlatform.ServiceKit.Security;

public static class ServiceAuthenticationExtensions
{
    /// <summary>The named client that fetches the identity service's metadata and keys.</summary>
    public const string IdentityMetadataClient = "identity-metadata";

    /// <summary>
    /// Every service validates access tokens itself (the gateway only forwards them, reading a token only to know
    /// whose rate limit a request spends): signed by the identity service, issued by the configured issuer, for the
    /// <c>community-api</c> audience. A fallback policy denies anonymous callers, so an endpoint that names no
    /// policy is closed rather than open; health endpoints and the OpenAPI document opt out explicitly.
    /// </summary>
    public static IHostApplicationBuilder AddServiceAuthentication(this IHostApplicationBuilder builder, Action<AuthorizationBuilder>? policies = null)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddIdentityServiceBearer();

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicy(LabelsApi.ReadLabels, LabelsApi.Readers);
        policies?.Invoke(authorization);
        return builder;
    }

    /// <summary>
    /// The <see cref="JwtBearerDefaults.AuthenticationScheme"/> scheme, accepting only the identity service's access
    /// tokens, with its metadata and keys fetched through service discovery.
    /// </summary>
    public static AuthenticationBuilder AddIdentityServiceBearer(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddHttpClient(IdentityMetadataClient);
        authentication.AddJwtBearer();
        authentication.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory, IConfiguration>((jwt, httpClients, configuration) =>
            {
                var identityService = new Uri($"http://{ResourceNames.IdentityApi}");
                jwt.MapInboundClaims = false;
                jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    new Uri(identityService, ".well-known/openid-configuration").ToString(),
                    new OpenIdConnectConfigurationRetriever(),
                    new IdentityServiceDocumentRetriever(httpClients.CreateClient(IdentityMetadataClient), identityService));
                jwt.TokenValidationParameters.ValidAudience = CommunityClaims.ApiResource;
                // The issuer is a URL: accept it written with or without its trailing slash.
                var issuer = configuration["Authentication:Issuer"]?.TrimEnd('/')
                    ?? throw new InvalidOperationException("Authentication:Issuer is not configured: the services cannot check who issued a token.");
                jwt.TokenValidationParameters.ValidIssuers = [issuer, issuer + "/"];
                jwt.TokenValidationParameters.NameClaimType = "name";
                jwt.TokenValidationParameters.RoleClaimType = "role";
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });
        return authentication;
    }

    /// <summary>Adds a policy that admits any of <paramref name="roles"/>.</summary>
    public static AuthorizationBuilder AddRolePolicy(this AuthorizationBuilder authorization, string name, params string[] roles) =>
        authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
}

using CommunityPlatform.Identity.Domain;
using CommunityPlatform.Identity.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityPlatform.Identity.Extensions;

internal static class Extensions
{
    /// <summary>The public client scripts and tests use with the password grant, which exists only in Development.</summary>
    public const string CliClientId = "community-cli";
    public const string WebClientId = "community-web";

    /// <summary>Only the secretary reads the audit trail.</summary>
    public const string ReadAudit = "audit.read";

    /// <summary>Only the secretary creates accounts and changes roles and grids.</summary>
    public const string ManageUsers = "users.manage";

    /// <summary>The roles that read grids see who works in them; the county, a machine, reads no people.</summary>
    public const string ReadGridWorkers = "grid-workers.read";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceDatabase<IdentityDbContext>(ResourceNames.IdentityDb);
        var options = builder.Configuration.GetSection("Identity").Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration("Identity");

        builder.Services.AddIdentity<CommunityUser, IdentityRole<Guid>>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 10;
                identity.User.RequireUniqueEmail = false;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddUserManager<CommunityUserManager>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "community.signin";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAuthorization();
        // Framing is the gateway's to decide (DENY, frame-ancestors 'none', on every answer): antiforgery's own
        // SAMEORIGIN would be a second, weaker X-Frame-Options on the sign-in page.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                if (AllowsPasswordGrant(builder.Environment))
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, CommunityClaims.ApiScope);
                // Access tokens are checked by each service on its own, so one outlives a lockout or a change of access
                // until it expires: their lifetime is that bound. Refresh tokens are revoked at once (TokenRevocation).
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                // Self-signed keys kept in the service account's certificate store, so tokens outlive a restart.
                // Every service validates access tokens itself against the published JWKS, so they are signed,
                // not encrypted.
                server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                server.DisableAccessTokenEncryption();

                // TLS ends in front of the suite (the gateway or a load balancer), not here.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<TokenRevocation>();
        builder.Services.AddAuditTrail<IdentityDbContext>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReadAudit, policy => policy
                .AddAuthenticationSchemes(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireRole(CommunityRoles.Secretary))
            .AddPolicy(ManageUsers, policy => policy
                .AddAuthenticationSchemes(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireRole(CommunityRoles.Secretary))
            .AddPolicy(ReadGridWorkers, policy => policy
                .AddAuthenticationSchemes(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireRole(CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.Inspector, CommunityRoles.VolunteerLeader));
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    /// <summary>The password grant is for scripts and tests on a developer's machine, never for production.</summary>
    public static bool AllowsPasswordGrant(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}

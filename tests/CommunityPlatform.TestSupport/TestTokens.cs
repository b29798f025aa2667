using System.Security.Cryptography;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// Access tokens for functional tests, shaped exactly like the identity service's (issuer, audience, role and
/// grid claims) and signed by a key the service under test is told to trust, so a service can be tested alone.
/// The identity service's own tokens are exercised end to end.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://identity.test/";

    public static readonly SecurityKey SigningKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "functional-tests" };

    /// <summary>Makes a service (or the gateway) under test trust <see cref="SigningKey"/> instead of fetching the identity service's keys.</summary>
    public static void TrustInTests(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(SigningKey);
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public static string For(string role, params string[] grids) => Create(role, grids, DateTime.UtcNow.AddMinutes(10), Issuer, CommunityClaims.ApiResource, SigningKey);

    /// <summary>A token with any part wrong, for the tests that must see it refused.</summary>
    public static string Create(string role, string[] grids, DateTime expires, string issuer, string audience, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["name"] = "测试用户",
                ["role"] = new[] { role },
                [CommunityClaims.Grid] = grids,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}

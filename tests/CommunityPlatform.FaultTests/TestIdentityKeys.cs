using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlatform.FaultTests;

/// <summary>
/// Stands in for the identity service's discovery document and public keys, so services running as separate
/// processes trust <see cref="TestTokens"/> through the same path they use in production (service discovery to
/// <c>identity-api</c>, then its JWKS). Only the public half of the test key is served.
/// </summary>
public sealed class TestIdentityKeys : IAsyncDisposable
{
    private readonly WebApplication _app;

    public TestIdentityKeys()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Address.ToString());
        _app = builder.Build();

        var rsa = ((RsaSecurityKey)TestTokens.SigningKey).Rsa.ExportParameters(includePrivateParameters: false);
        var keys = new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = TestTokens.SigningKey.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
            },
        };
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = TestTokens.Issuer,
            ["jwks_uri"] = new Uri(Address, ".well-known/jwks").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        _app.MapGet("/.well-known/jwks", () => Results.Json(keys));
    }

    public Uri Address { get; } = new($"http://127.0.0.1:{Ports.Free().ToString(CultureInfo.InvariantCulture)}/");

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

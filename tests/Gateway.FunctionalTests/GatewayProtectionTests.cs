using System.Net;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlatform.Gateway.FunctionalTests;

/// <summary>
/// The gateway's own protections, with tight limits and no services behind it: everything checked here happens
/// before a request is forwarded. The gateway trusts the test signing key, as the services under test do.
/// </summary>
public sealed class GatewayProtectionTests : IClassFixture<GatewayProtectionTests.TightGateway>
{
    private readonly TightGateway _gateway;

    public GatewayProtectionTests(TightGateway gateway) => _gateway = gateway;

    public sealed class TightGateway : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Authentication:Issuer", TestTokens.Issuer);
            builder.UseSetting("Gateway:RequestsPerCaller", "5");
            builder.UseSetting("Gateway:RequestsPerAddress", "1000");
            builder.UseSetting("Gateway:Window", "00:00:02");
            builder.UseSetting("Gateway:MaxRequestBodyBytes", "1024");
            builder.UseSetting("Gateway:CorsOrigins:0", "http://workbench.test");
            builder.ConfigureTestServices(TestTokens.TrustInTests);
        }
    }

    /// <summary>A token-shaped string with the subject of <paramref name="realToken"/>, but unsigned: anyone can write one.</summary>
    private static string ForgedLike(string realToken) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TestTokens.Issuer,
        Audience = CommunityClaims.ApiResource,
        Claims = new Dictionary<string, object> { ["sub"] = new JsonWebToken(realToken).Subject, ["role"] = new[] { CommunityRoles.Secretary } },
    });

    private Task<HttpStatusCode> CallAsAsync(string token) => CallFromAsync("192.0.2.1", token);

    /// <summary>One API call from a client address, with a bearer token.</summary>
    private async Task<HttpStatusCode> CallFromAsync(string address, string token)
    {
        var response = await _gateway.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/api/grid/grids";
            http.Request.Headers.Authorization = "Bearer " + token;
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        return (HttpStatusCode)response.Response.StatusCode;
    }

    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_retry_after_while_others_pass_and_then_recovers()
    {
        var caller = TestTokens.For(CommunityRoles.Staff);
        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync(caller));
        }

        using var limited = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids");
        limited.Headers.Authorization = new("Bearer", caller);
        using var response = await _gateway.CreateClient().SendAsync(limited);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        // Someone else at the same address (an office behind one NAT) has a budget of their own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync(TestTokens.For(CommunityRoles.Staff)));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync(caller));
    }

    [Fact]
    public async Task Forged_tokens_with_someone_elses_subject_spend_the_forgers_budget_not_theirs()
    {
        var victim = TestTokens.For(CommunityRoles.Resident);
        var forged = ForgedLike(victim);
        for (var i = 0; i < 5; i++)
        {
            await CallFromAsync("203.0.113.66", forged);
        }

        // Unvalidated tokens count as their address: the forger is limited there, the victim not at all.
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallFromAsync("203.0.113.66", forged));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallFromAsync("198.51.100.7", victim));
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited()
    {
        var client = _gateway.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_workbench_files_do_not_spend_the_callers_budget()
    {
        var client = _gateway.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            // Twelve requests from one address whose limit is five. No workbench runs behind this gateway: what matters
            // is that the limiter let each request through.
            using var response = await client.GetAsync($"/js/pages/page{i}.js");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        // The API still is limited: five calls a window for one caller.
        var caller = TestTokens.For(CommunityRoles.Staff);
        for (var i = 0; i < 5; i++)
        {
            await CallAsAsync(caller);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsAsync(caller));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_forwarding()
    {
        using var response = await _gateway.CreateClient().PostAsync("/api/grid/grids",
            new ByteArrayContent(new byte[2048]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_front_end_origin_passes_the_cors_preflight_and_another_does_not()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/grid/grids");
        allowed.Headers.Add("Origin", "http://workbench.test");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var ok = await _gateway.CreateClient().SendAsync(allowed);
        Assert.Equal("http://workbench.test", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = new HttpRequestMessage(HttpMethod.Options, "/api/grid/grids");
        foreign.Headers.Add("Origin", "http://evil.test");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await _gateway.CreateClient().SendAsync(foreign);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var response = await _gateway.CreateClient().GetAsync("/alive");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}

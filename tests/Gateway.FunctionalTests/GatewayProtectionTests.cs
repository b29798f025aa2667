using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.Gateway.FunctionalTests;

/// <summary>
/// The gateway's own protections, with tight limits and no services behind it: everything checked here happens
/// before a request is forwarded.
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
            builder.UseSetting("Gateway:RequestsPerCaller", "5");
            builder.UseSetting("Gateway:RequestsPerAddress", "1000");
            builder.UseSetting("Gateway:Window", "00:00:02");
            builder.UseSetting("Gateway:MaxRequestBodyBytes", "1024");
            builder.UseSetting("Gateway:CorsOrigins:0", "http://workbench.test");
        }
    }

    /// <summary>A token-shaped string with a subject; the gateway reads the subject, the services would check the rest.</summary>
    private static string TokenFor(string subject) =>
        "e30." + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"sub\":\"{subject}\"}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";

    private async Task<HttpStatusCode> CallAsAsync(string subject)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids");
        request.Headers.Authorization = new("Bearer", TokenFor(subject));
        using var response = await _gateway.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_retry_after_while_others_pass_and_then_recovers()
    {
        var caller = "u-" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync(caller));
        }

        using var limited = new HttpRequestMessage(HttpMethod.Get, "/api/grid/grids");
        limited.Headers.Authorization = new("Bearer", TokenFor(caller));
        using var response = await _gateway.CreateClient().SendAsync(limited);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync("someone-else-" + caller));

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await CallAsAsync(caller));
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
        for (var i = 0; i < 5; i++)
        {
            await CallAsAsync("api-caller");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsAsync("api-caller"));
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

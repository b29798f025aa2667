using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityPlatform.Gateway.FunctionalTests;

/// <summary>
/// The headers a browser sees, over real HTTP (Kestrel, not the test server, so the server's own headers show) and
/// through a forwarded answer from a stand-in identity service that sends headers of its own, as the real one's
/// antiforgery does.
/// </summary>
public sealed class GatewayHeaderTests : IClassFixture<GatewayHeaderTests.GatewayOnKestrel>
{
    private readonly GatewayOnKestrel _gateway;

    public GatewayHeaderTests(GatewayOnKestrel gateway) => _gateway = gateway;

    /// <summary>Over Kestrel, in front of a stand-in identity service whose sign-in page sends its own framing header.</summary>
    public sealed class GatewayOnKestrel() : GatewayWithStandIn("identity-api")
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
        }

        protected override void MapStandIn(WebApplication standIn) =>
            standIn.MapGet("/account/login", (HttpContext http) =>
            {
                http.Response.Headers.XFrameOptions = "SAMEORIGIN";
                return "<html>sign in</html>";
            });
    }

    [Fact]
    public async Task A_forwarded_sign_in_page_carries_one_framing_policy_a_permissions_policy_and_no_server_name()
    {
        using var response = await _gateway.CreateClient().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Server));
    }

    [Fact]
    public async Task The_gateways_own_answers_name_no_server()
    {
        using var response = await _gateway.CreateClient().GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.Single(response.Headers.GetValues("Permissions-Policy"));
    }
}

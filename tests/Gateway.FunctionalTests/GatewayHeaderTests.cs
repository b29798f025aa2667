using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

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

    public sealed class GatewayOnKestrel : WebApplicationFactory<Program>, IAsyncLifetime
    {
        private WebApplication? _identity;

        public async Task InitializeAsync()
        {
            var identity = WebApplication.CreateSlimBuilder();
            identity.WebHost.UseUrls("http://127.0.0.1:0");
            _identity = identity.Build();
            _identity.MapGet("/account/login", (HttpContext http) =>
            {
                http.Response.Headers.XFrameOptions = "SAMEORIGIN";
                return "<html>sign in</html>";
            });
            await _identity.StartAsync();
            UseKestrel(0);
            StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Services:identity-api:http:0", _identity!.Urls.Single());
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            await _identity!.DisposeAsync();
        }
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

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.Gateway.FunctionalTests;

/// <summary>
/// The gateway in front of a stand-in for one of the services it forwards to (by its service-discovery name),
/// the stand-in listening on a free port of its own.
/// </summary>
public abstract class GatewayWithStandIn(string service) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private WebApplication? _standIn;

    /// <summary>The stand-in's endpoints: what the real service would answer for the paths under test.</summary>
    protected abstract void MapStandIn(WebApplication standIn);

    public virtual async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _standIn = builder.Build();
        MapStandIn(_standIn);
        await _standIn.StartAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"Services:{service}:http:0", _standIn!.Urls.Single());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIn!.DisposeAsync();
    }
}

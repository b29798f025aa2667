using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace CommunityPlatform.Gateway.FunctionalTests;

/// <summary>
/// Which backend answers which path: the workbench takes every page address, but an API or OpenAPI path that no
/// service serves is the gateway's own 404, not the workbench's page answered 200 — a script with a typo in the
/// service's name would otherwise read HTML as its answer.
/// </summary>
public sealed class GatewayRoutingTests : IClassFixture<GatewayRoutingTests.GatewayWithWorkbench>
{
    private readonly GatewayWithWorkbench _gateway;

    public GatewayRoutingTests(GatewayWithWorkbench gateway) => _gateway = gateway;

    /// <summary>In front of a stand-in workbench that answers every page address.</summary>
    public sealed class GatewayWithWorkbench() : GatewayWithStandIn("workbench")
    {
        protected override void MapStandIn(WebApplication standIn) =>
            standIn.MapGet("/{**path}", () => Microsoft.AspNetCore.Http.Results.Content("<html>workbench</html>", "text/html"));
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api/reporting/half-year")]
    [InlineData("/api")]
    [InlineData("/openapi/nope/v1.json")]
    public async Task An_api_path_no_service_serves_is_a_404_problem_naming_the_services(string path)
    {
        using var response = await _gateway.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("/api/reports/", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/matters")]
    [InlineData("/apiary")]
    public async Task A_page_address_is_the_workbench(string path)
    {
        using var response = await _gateway.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<html>workbench</html>", await response.Content.ReadAsStringAsync());
    }
}

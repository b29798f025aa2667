using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.EndToEndTests;

/// <summary>Requests through the gateway, events across the broker, state checked in the consuming service.</summary>
[Collection(SuiteCollection.Name)]
public sealed class GatewayFlowTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_member_registered_through_the_gateway_becomes_a_volunteer_in_the_volunteer_service()
    {
        await suite.CreateOrganisationAsync("WY-DZB", "物业服务企业党支部", "Branch");
        var response = await suite.Gateway.PostAsJsonAsync("/api/membership/members", new
        {
            name = "陈志强",
            gender = "男",
            birthDate = "1979-11-02",
            education = "大专",
            organisationCode = "WY-DZB",
            gridCode = "G05",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var memberId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement items;
        do
        {
            await Task.Delay(250);
            var page = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={memberId}");
            items = page.GetProperty("items");
        }
        while (items.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(memberId, items[0].GetProperty("memberId").GetGuid());
        Assert.Equal("G05", items[0].GetProperty("gridCode").GetString());
    }

    [Fact]
    public async Task Invalid_input_through_the_gateway_is_the_services_400_problem()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/membership/members", new { name = "", birthDate = "2999-01-01", education = "博士" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("birthDate", out _));
        Assert.True(errors.TryGetProperty("education", out _));
    }

    [Fact]
    public async Task Gateway_health_reports_every_service_behind_it()
    {
        var health = await suite.Anonymous.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks");
        foreach (var service in new[] { "identity-api", "membership-api", "grid-api", "safety-api", "volunteer-api" })
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_token_is_issued_through_the_gateway_which_discovery_names_as_the_issuer()
    {
        var discovery = await suite.Anonymous.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(new Uri(suite.Gateway.BaseAddress!, "/").ToString(), discovery.GetProperty("issuer").GetString());

        var response = await suite.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "community-cli",
            ["username"] = "secretary",
            ["password"] = "Community@2026",
            ["scope"] = "community-api roles",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData("/api/membership/members")]
    [InlineData("/api/volunteer/volunteers")]
    [InlineData("/api/grid/grids")]
    [InlineData("/api/safety/venues")]
    public async Task Every_service_refuses_a_request_without_a_token_and_admits_the_identity_services_token(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await suite.Gateway.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_resident_is_forbidden_the_party_register()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/membership/members");
        request.Headers.Authorization = new("Bearer", await suite.TokenAsync("resident"));

        Assert.Equal(HttpStatusCode.Forbidden, (await suite.Anonymous.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_secretary_reads_the_audit_trail_through_the_gateway()
    {
        var audit = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=sign_in");
        Assert.NotEqual(0, audit.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("identity", "/api/identity/audit")]
    [InlineData("membership", "/api/membership/members")]
    [InlineData("volunteer", "/api/volunteer/volunteers")]
    [InlineData("grid", "/api/grid/grids")]
    [InlineData("safety", "/api/safety/venues")]
    public async Task Each_services_openapi_document_is_browsable_through_the_gateway(string service, string path)
    {
        var document = await suite.Anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _));
        // Its server is the gateway, so "try it" tools send requests where tokens and limits apply.
        Assert.Equal(new Uri(suite.Anonymous.BaseAddress!, "/").ToString().TrimEnd('/'),
            document.GetProperty("servers")[0].GetProperty("url").GetString()!.TrimEnd('/'));
    }
}

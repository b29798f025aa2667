using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.County.FunctionalTests;

[Collection(CountyApiCollection.Name)]
public sealed class ServicesApiTests(CountyApiFixture fixture)
{
    [Fact]
    public async Task The_service_codes_are_listed_in_the_Open311_shape_with_the_matter_category_each_becomes()
    {
        var services = (await fixture.County.GetFromJsonAsync<JsonElement>("/api/county/services")).EnumerateArray().ToList();

        Assert.Equal(["dispute", "petition", "elevator-retrofit", "environment", "property", "safety", "other"], services.Select(s => s.GetProperty("service_code").GetString()));
        Assert.Equal(
            ["Dispute", "Petition", "ElevatorRetrofit", "Environment", "Property", "Safety", "Other"],
            services.Select(s => s.GetProperty("matter_category").GetString()));
        var dispute = services[0];
        Assert.Equal("矛盾纠纷", dispute.GetProperty("service_name").GetString());
        Assert.False(dispute.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", dispute.GetProperty("type").GetString());
        Assert.Contains("调解", dispute.GetProperty("keywords").GetString());
        Assert.Equal("网格事项", dispute.GetProperty("group").GetString());

        Assert.Equal(HttpStatusCode.OK, (await fixture.As(CommunityRoles.Staff).GetAsync("/api/county/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(CommunityRoles.Resident, "CG-01").GetAsync("/api/county/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/county/services")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_county_API_in_snake_case_and_is_public()
    {
        var document = await fixture.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/county/cases", "/api/county/cases/{id}", "/api/county/cases/{id}/sign-for", "/api/county/cases/{id}/return", "/api/county/events", "/api/county/services" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("SubmitCaseRequest").GetProperty("properties");
        Assert.True(request.TryGetProperty("county_case_id", out _));
        Assert.True(request.TryGetProperty("requested_datetime", out _));
        Assert.True(schemas.GetProperty("CloudEvent").GetProperty("properties").TryGetProperty("specversion", out _));
    }
}

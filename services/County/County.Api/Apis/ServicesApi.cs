using CommunityPlatform.County.Domain;
using CommunityPlatform.County.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPlatform.County.Apis;

/// <summary>The service codes a county case may name, as Open311 GeoReport v2 lists services.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/county/services", ListServices)
            .WithTags("Services")
            .WithName("ListServices")
            .WithSummary("The service codes a case may name (Open311 services.json), each the grid matter category it becomes")
            .RequireAuthorization(CountyPolicies.ReadServices);
        return app;
    }

    public static Ok<IReadOnlyList<ServiceResponse>> ListServices() =>
        TypedResults.Ok<IReadOnlyList<ServiceResponse>>([.. CountyServices.All.Select(ServiceResponse.From)]);
}

/// <summary>
/// One Open311 service. <c>metadata</c> is false (no extra attributes), <c>type</c> realtime (the case id is
/// returned at once); <c>matter_category</c> is ours: the grid matter category the case becomes.
/// </summary>
public sealed record ServiceResponse(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group, string MatterCategory)
{
    public static ServiceResponse From(CountyService s) =>
        new(s.Code, s.Name, s.Description, false, "realtime", string.Join(",", s.Keywords), CountyServices.Group, s.MatterCategory);
}

using CommunityPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy.Configuration;

namespace CommunityPlatform.Gateway.Extensions;

internal static class GatewayExtensions
{
    /// <summary>The OpenID Connect and sign-in paths, served by the identity service.</summary>
    private static readonly string[] IdentityPaths = ["/connect/{**rest}", "/.well-known/{**rest}", "/account/{**rest}"];

    /// <summary>Each API service's path prefix and the service-discovery name of the service behind it.</summary>
    private static readonly (string Prefix, string Service)[] Services =
    [
        ("identity", ResourceNames.IdentityApi),
        ("membership", ResourceNames.MembershipApi),
        ("grid", ResourceNames.GridApi),
        ("safety", ResourceNames.SafetyApi),
        ("volunteer", ResourceNames.VolunteerApi),
        ("reports", ResourceNames.ReportingApi),
        ("county", ResourceNames.CountyApi),
    ];

    /// <summary>The route that serves the web workbench: every GET the other routes do not take.</summary>
    public const string WorkbenchRoute = "workbench";

    /// <summary>Everything the gateway forwards to: the API services and the workbench's host.</summary>
    private static readonly (string Prefix, string Service)[] Backends = [.. Services, (WorkbenchRoute, ResourceNames.Workbench)];

    /// <summary>
    /// Forwards <c>/api/{service}/**</c> unchanged (a path reads the same direct and through the gateway),
    /// along with the caller's headers (the bearer token included); serves each service's OpenAPI document at
    /// <c>/openapi/{service}/v1.json</c> and the identity service's OpenID Connect endpoints at their standard
    /// paths; and checks each service's <c>/health</c> as part of its own.
    /// </summary>
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        var routes = Services.SelectMany(s => new[]
        {
            new RouteConfig
            {
                RouteId = s.Prefix,
                ClusterId = s.Prefix,
                Match = new RouteMatch { Path = $"/api/{s.Prefix}/{{**rest}}" },
            },
            new RouteConfig
            {
                RouteId = $"{s.Prefix}-openapi",
                ClusterId = s.Prefix,
                Match = new RouteMatch { Path = $"/openapi/{s.Prefix}/{{document}}" },
                Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/openapi/{document}" }],
            },
        }).Concat(IdentityPaths.Select((path, i) => new RouteConfig
        {
            RouteId = $"identity-{i}",
            ClusterId = "identity",
            Match = new RouteMatch { Path = path },
        })).Append(new RouteConfig
        {
            RouteId = WorkbenchRoute,
            ClusterId = WorkbenchRoute,
            // Last of all routes, and reads only: an unknown API path stays a 404 from its service, not a page.
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "/{**path}", Methods = ["GET", "HEAD"] },
        }).ToArray();

        var clusters = Backends.Select(s => new ClusterConfig
        {
            ClusterId = s.Prefix,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Service] = new() { Address = $"http://{s.Service}" },
            },
        }).ToArray();

        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddServiceDiscoveryDestinationResolver();

        var health = builder.Services.AddHealthChecks();
        foreach (var (_, service) in Backends)
        {
            health.AddTypeActivatedCheck<DownstreamHealthCheck>(service, failureStatus: null, tags: ["downstream"], args: [new Uri($"http://{service}/health")]);
        }

        // A health probe should report what it sees now, not after the default handler's retries.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(DownstreamHealthCheck.ClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }

    /// <summary>
    /// An <c>/api</c> or <c>/openapi</c> path that no service serves is the gateway's own 404 problem. The workbench
    /// route takes every other GET, and a script with a mistyped service name would otherwise read its page, 200, as
    /// the answer. The services' own routes are more specific, so they still win.
    /// </summary>
    public static void MapUnknownServicePaths(this IEndpointRouteBuilder app)
    {
        var detail = $"Each service answers under its own prefix: {string.Join(", ", Services.Select(s => $"/api/{s.Prefix}/"))}.";
        foreach (var pattern in (string[])["/api/{**rest}", "/openapi/{**rest}"])
        {
            app.Map(pattern, ProblemHttpResult () =>
                TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No service serves this path.", detail: detail));
        }
    }
}

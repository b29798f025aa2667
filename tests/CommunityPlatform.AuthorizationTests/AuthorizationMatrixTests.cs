using System.Net;
using System.Text.RegularExpressions;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.AuthorizationTests;

/// <summary>
/// The authorisation matrix, discovered from each service's own endpoint data source rather than a hand-kept
/// list: every endpoint is either on the small anonymous allow-list or names a role policy; without a token it
/// answers 401; with a role its policy does not admit, 403. A new endpoint without a policy fails this test.
/// (The identity service's protocol endpoints are anonymous by the OpenID Connect standard and tested there.)
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed partial class AuthorizationMatrixTests(ServicesFixture fixture)
{
    private static readonly string[] AnonymousAllowList = ["/health", "/alive", "/openapi/{documentName}.json"];

    [Theory]
    [InlineData(BusNames.Membership)]
    [InlineData(BusNames.Grid)]
    [InlineData(BusNames.Safety)]
    [InlineData(BusNames.Volunteer)]
    [InlineData(BusNames.Reporting)]
    [InlineData(BusNames.County)]
    public async Task Every_endpoint_names_a_policy_refuses_anonymous_callers_and_forbids_the_roles_outside_it(string service)
    {
        var app = fixture.Services[service];
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var anonymous = app.CreateAnonymousClient();
        var failures = new List<string>();
        var checkedEndpoints = 0;

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!AnonymousAllowList.Contains(pattern))
                {
                    failures.Add($"{pattern} is anonymous but not on the allow-list");
                }

                continue;
            }

            var policyNames = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policyNames.Count == 0)
            {
                failures.Add($"{pattern} names no policy; only the fallback protects it");
                continue;
            }

            var admitted = new HashSet<string>(CommunityRoles.Labels.Keys);
            foreach (var name in policyNames)
            {
                var policy = await policies.GetPolicyAsync(name) ?? throw new InvalidOperationException($"Unknown policy {name}.");
                foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
                {
                    admitted.IntersectWith(requirement.AllowedRoles);
                }
            }

            var outsider = CommunityRoles.Labels.Keys.FirstOrDefault(role => !admitted.Contains(role));
            var path = SamplePath(pattern);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var withoutToken = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                if (withoutToken.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{method} {pattern} without a token answered {(int)withoutToken.StatusCode}, not 401");
                }

                if (outsider is not null)
                {
                    var asOutsider = await app.CreateClientAs(outsider, "G01").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                    if (asOutsider.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{method} {pattern} as {outsider} answered {(int)asOutsider.StatusCode}, not 403");
                    }
                }

                checkedEndpoints++;
            }
        }

        Assert.True(checkedEndpoints > 0, $"no protected endpoint found in {service}");
        Assert.Empty(failures);
    }

    /// <summary>
    /// What docs/COUNTY.md promises the county: the feed, its cases, the service codes, the statistics and the
    /// reports (frozen or not) — nothing with a person in it. Every other endpoint must refuse a county token.
    /// </summary>
    private static readonly string[] CountyAllowList =
    [
        "GET /api/county/events", "POST /api/county/cases", "GET /api/county/cases", "GET /api/county/cases/{id:guid}", "GET /api/county/services",
        "GET /api/reports/half-year", "GET /api/reports/half-year/snapshots", "GET /api/reports/half-year/snapshots/{id:guid}", "GET /api/reports/statistics",
        // The statistics the reports are made of, which the reporting service reads with the county's own token.
        "GET /api/membership/statistics", "GET /api/grid/statistics", "GET /api/safety/statistics", "GET /api/volunteer/statistics",
    ];

    [Theory]
    [InlineData(BusNames.Membership)]
    [InlineData(BusNames.Grid)]
    [InlineData(BusNames.Safety)]
    [InlineData(BusNames.Volunteer)]
    [InlineData(BusNames.Reporting)]
    [InlineData(BusNames.County)]
    public async Task The_county_reaches_only_what_the_county_guide_promises_and_every_other_endpoint_answers_it_403(string service)
    {
        var app = fixture.Services[service];
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var county = app.CreateClientAs(CommunityRoles.County);
        var failures = new List<string>();

        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var policyNames = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || policyNames.Count == 0)
            {
                continue;
            }

            var admitsCounty = true;
            foreach (var name in policyNames)
            {
                var policy = await policies.GetPolicyAsync(name) ?? throw new InvalidOperationException($"Unknown policy {name}.");
                admitsCounty &= policy.Requirements.OfType<RolesAuthorizationRequirement>().All(r => r.AllowedRoles.Contains(CommunityRoles.County));
            }

            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var call = $"{method} {pattern}";
                if (CountyAllowList.Contains(call))
                {
                    continue;
                }

                if (admitsCounty)
                {
                    failures.Add($"{call} admits the county but the county guide does not promise it");
                    continue;
                }

                var answer = await county.SendAsync(new HttpRequestMessage(new HttpMethod(method), SamplePath(pattern)));
                if (answer.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{call} as the county answered {(int)answer.StatusCode}, not 403");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("grid", "/api/grid/matters")]
    [InlineData("grid", "/api/grid/deliberation-sessions")]
    [InlineData("grid", "/api/grid/grids")]
    [InlineData("grid", "/api/grid/residents")]
    [InlineData("safety", "/api/safety/venues")]
    [InlineData("membership", "/api/membership/meetings")]
    [InlineData("membership", "/api/membership/members")]
    public async Task A_county_token_is_refused_the_lists_that_name_people(string service, string path) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Services[service].CreateClientAs(CommunityRoles.County).GetAsync(path)).StatusCode);

    /// <summary>A path that matches <paramref name="pattern"/>, its parameters filled with values of their constraint.</summary>
    private static string SamplePath(string pattern) => RouteParameter().Replace(pattern, p => p.Value switch
    {
        _ when p.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ when p.Value.Contains(":int", StringComparison.Ordinal) => "1",
        _ => "X01",
    });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

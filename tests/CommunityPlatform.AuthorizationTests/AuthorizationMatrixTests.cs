using System.Net;
using System.Text.RegularExpressions;
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
public sealed partial class AuthorizationMatrixTests(ServicesFixture fixture) : IClassFixture<ServicesFixture>
{
    private static readonly string[] AnonymousAllowList = ["/health", "/alive", "/openapi/{documentName}.json"];

    [Theory]
    [InlineData("membership")]
    [InlineData("grid")]
    [InlineData("safety")]
    [InlineData("volunteer")]
    [InlineData("reporting")]
    [InlineData("county")]
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
            var path = RouteParameter().Replace(pattern, p => p.Value switch
            {
                _ when p.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ when p.Value.Contains(":int", StringComparison.Ordinal) => "1",
                _ => "X01",
            });
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

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

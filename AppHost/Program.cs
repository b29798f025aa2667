using CommunityPlatform.AppHost;
using CommunityPlatform.LocalServers;
using CommunityPlatform.ServiceDefaults;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

Infrastructure infrastructure;
try
{
    // PostgreSQL (one database per service) and RabbitMQ, as local processes, containers or external servers.
    infrastructure = builder.AddInfrastructure();
}
catch (MissingServerException missing)
{
    Console.Error.WriteLine($"error: {missing.Message}");
    return 1;
}

// The certificate that encrypts the services' Data Protection key rings, which seal their personal data.
var keyRing = builder.AddKeyRing(infrastructure);

// Services
var identityApi = builder.AddProject<Projects.Identity_Api>(ResourceNames.IdentityApi)
    .WithInfrastructure(infrastructure, ResourceNames.IdentityDb)
    .WithEnvironment("Identity__DemoAccounts", builder.Configuration["Identity:DemoAccounts"] ?? "false");

var membershipApi = builder.AddProject<Projects.Membership_Api>(ResourceNames.MembershipApi)
    .WithInfrastructure(infrastructure, ResourceNames.MembershipDb)
    .WithKeyRing(keyRing, "membership")
    .WithReference(identityApi);

var gridApi = builder.AddProject<Projects.Grid_Api>(ResourceNames.GridApi)
    .WithInfrastructure(infrastructure, ResourceNames.GridDb)
    .WithKeyRing(keyRing, "grid")
    .WithReference(identityApi);

var safetyApi = builder.AddProject<Projects.Safety_Api>(ResourceNames.SafetyApi)
    .WithInfrastructure(infrastructure, ResourceNames.SafetyDb)
    .WithKeyRing(keyRing, "safety")
    .WithReference(identityApi);

var volunteerApi = builder.AddProject<Projects.Volunteer_Api>(ResourceNames.VolunteerApi)
    .WithInfrastructure(infrastructure, ResourceNames.VolunteerDb)
    .WithKeyRing(keyRing, "volunteer")
    .WithReference(identityApi);

// The half-year report reads the four services' statistics when it is composed; frozen copies live in its own database.
var reportingApi = builder.AddProject<Projects.Reporting_Api>(ResourceNames.ReportingApi)
    .WithInfrastructure(infrastructure, ResourceNames.ReportingDb)
    .WithReference(identityApi)
    .WithReference(membershipApi)
    .WithReference(gridApi)
    .WithReference(safetyApi)
    .WithReference(volunteerApi);

// The county integration checks the grid a case is signed for to with the grid service, the only complete list.
var countyApi = builder.AddProject<Projects.County_Api>(ResourceNames.CountyApi)
    .WithInfrastructure(infrastructure, ResourceNames.CountyDb)
    .WithReference(identityApi)
    .WithReference(gridApi);

// Front end
var workbench = builder.AddProject<Projects.Workbench_Web>(ResourceNames.Workbench);

// Reverse proxy: the one address front ends and the county platform use.
var gateway = builder.AddProject<Projects.Gateway_Api>(ResourceNames.Gateway)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identityApi).WaitFor(identityApi)
    .WithReference(membershipApi).WaitFor(membershipApi)
    .WithReference(gridApi).WaitFor(gridApi)
    .WithReference(safetyApi).WaitFor(safetyApi)
    .WithReference(volunteerApi).WaitFor(volunteerApi)
    .WithReference(reportingApi).WaitFor(reportingApi)
    .WithReference(countyApi).WaitFor(countyApi)
    .WithReference(workbench).WaitFor(workbench)
    .AnnounceWhenReady();

// Tokens name the gateway — the address clients use — as their issuer, and every service checks that name.
var issuer = gateway.GetEndpoint("http");
identityApi.WithEnvironment("Identity__Issuer", issuer);
gateway.WithEnvironment("Authentication__Issuer", issuer);
// Test runs that hold one token for the whole run (end-to-end tests, benchmarks) give access tokens a longer life.
if (builder.Configuration["Identity:AccessTokenLifetime"] is { } accessTokenLifetime)
{
    identityApi.WithEnvironment("Identity__AccessTokenLifetime", accessTokenLifetime);
}

if (builder.Configuration["Gateway:Session:RefreshBefore"] is { } refreshBefore)
{
    gateway.WithEnvironment("Gateway__Session__RefreshBefore", refreshBefore);
}
foreach (var api in new[] { membershipApi, gridApi, safetyApi, volunteerApi, reportingApi, countyApi })
{
    api.WithEnvironment("Authentication__Issuer", issuer);
}

// Demo community (./run --demo): fills the suite through the gateway once it is healthy, as a person would, then exits.
if (builder.Configuration.GetValue("Demo:Community", false))
{
    builder.AddProject<Projects.CommunityPlatform_DemoCommunity>(ResourceNames.DemoCommunity)
        .WithReference(gateway).WaitFor(gateway);
}

builder.Build().Run();
return 0;

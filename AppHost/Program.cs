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

// Services
var identityApi = builder.AddProject<Projects.Identity_Api>(ResourceNames.IdentityApi)
    .WithInfrastructure(infrastructure, ResourceNames.IdentityDb)
    .WithEnvironment("Identity__DemoAccounts", builder.Configuration["Identity:DemoAccounts"] ?? "false");

var membershipApi = builder.AddProject<Projects.Membership_Api>(ResourceNames.MembershipApi)
    .WithInfrastructure(infrastructure, ResourceNames.MembershipDb)
    .WithReference(identityApi);

var gridApi = builder.AddProject<Projects.Grid_Api>(ResourceNames.GridApi)
    .WithInfrastructure(infrastructure, ResourceNames.GridDb)
    .WithEnvironment("Grid__CareListKeyDirectory", infrastructure.KeyDirectory("grid"))
    .WithReference(identityApi);

var safetyApi = builder.AddProject<Projects.Safety_Api>(ResourceNames.SafetyApi)
    .WithInfrastructure(infrastructure, ResourceNames.SafetyDb)
    .WithReference(identityApi);

var volunteerApi = builder.AddProject<Projects.Volunteer_Api>(ResourceNames.VolunteerApi)
    .WithInfrastructure(infrastructure, ResourceNames.VolunteerDb)
    .WithReference(identityApi);

// Reverse proxy: the one address front ends and the county platform use.
var gateway = builder.AddProject<Projects.Gateway_Api>(ResourceNames.Gateway)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identityApi).WaitFor(identityApi)
    .WithReference(membershipApi).WaitFor(membershipApi)
    .WithReference(gridApi).WaitFor(gridApi)
    .WithReference(safetyApi).WaitFor(safetyApi)
    .WithReference(volunteerApi).WaitFor(volunteerApi)
    .AnnounceWhenReady();

// Tokens name the gateway — the address clients use — as their issuer, and every service checks that name.
var issuer = gateway.GetEndpoint("http");
identityApi.WithEnvironment("Identity__Issuer", issuer);
foreach (var api in new[] { membershipApi, gridApi, safetyApi, volunteerApi })
{
    api.WithEnvironment("Authentication__Issuer", issuer);
}

builder.Build().Run();
return 0;

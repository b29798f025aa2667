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
    .WithInfrastructure(infrastructure, ResourceNames.MembershipDb);

var gridApi = builder.AddProject<Projects.Grid_Api>(ResourceNames.GridApi)
    .WithInfrastructure(infrastructure, ResourceNames.GridDb);

var safetyApi = builder.AddProject<Projects.Safety_Api>(ResourceNames.SafetyApi)
    .WithInfrastructure(infrastructure, ResourceNames.SafetyDb);

var volunteerApi = builder.AddProject<Projects.Volunteer_Api>(ResourceNames.VolunteerApi)
    .WithInfrastructure(infrastructure, ResourceNames.VolunteerDb);

// Reverse proxy: the one address front ends and the county platform use.
builder.AddProject<Projects.Gateway_Api>(ResourceNames.Gateway)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identityApi).WaitFor(identityApi)
    .WithReference(membershipApi).WaitFor(membershipApi)
    .WithReference(gridApi).WaitFor(gridApi)
    .WithReference(safetyApi).WaitFor(safetyApi)
    .WithReference(volunteerApi).WaitFor(volunteerApi)
    .AnnounceWhenReady();

builder.Build().Run();
return 0;

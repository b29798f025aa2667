using CommunityPlatform.County.Infrastructure;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Reporting.Infrastructure;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using CommunityPlatform.Volunteer.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.AuthorizationTests;

/// <summary>Every API service in-process at once, against one real PostgreSQL and RabbitMQ.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public LocalInfrastructureFixture Infrastructure { get; } = new();

    public IReadOnlyDictionary<string, IServiceApp> Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Services = new Dictionary<string, IServiceApp>
        {
            ["membership"] = new ServiceApp<MembershipDbContext>(Infrastructure, ResourceNames.MembershipDb, ResourceNames.MembershipDb),
            ["grid"] = new ServiceApp<GridDbContext>(Infrastructure, ResourceNames.GridDb, ResourceNames.GridDb),
            ["safety"] = new ServiceApp<SafetyDbContext>(Infrastructure, ResourceNames.SafetyDb, ResourceNames.SafetyDb),
            ["volunteer"] = new ServiceApp<VolunteerDbContext>(Infrastructure, ResourceNames.VolunteerDb, ResourceNames.VolunteerDb),
            ["reporting"] = new ServiceApp<ReportingDbContext>(Infrastructure, ResourceNames.ReportingDb, ResourceNames.ReportingDb),
            ["county"] = new ServiceApp<CountyDbContext>(Infrastructure, ResourceNames.CountyDb, ResourceNames.CountyDb),
        };
        foreach (var app in Services.Values)
        {
            app.CreateAnonymousClient();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in Services.Values)
        {
            await ((IAsyncDisposable)app).DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}

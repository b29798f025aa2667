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

/// <summary>Every API service in-process at once, against one real PostgreSQL and RabbitMQ, keyed by its name on the bus.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public LocalInfrastructureFixture Infrastructure { get; } = new();

    public IReadOnlyDictionary<string, IServiceApp> Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Services = new Dictionary<string, IServiceApp>
        {
            [BusNames.Membership] = new ServiceApp<MembershipDbContext>(Infrastructure, ResourceNames.MembershipDb, ResourceNames.MembershipDb),
            [BusNames.Grid] = new ServiceApp<GridDbContext>(Infrastructure, ResourceNames.GridDb, ResourceNames.GridDb),
            [BusNames.Safety] = new ServiceApp<SafetyDbContext>(Infrastructure, ResourceNames.SafetyDb, ResourceNames.SafetyDb),
            [BusNames.Volunteer] = new ServiceApp<VolunteerDbContext>(Infrastructure, ResourceNames.VolunteerDb, ResourceNames.VolunteerDb),
            [BusNames.Reporting] = new ServiceApp<ReportingDbContext>(Infrastructure, ResourceNames.ReportingDb, ResourceNames.ReportingDb),
            [BusNames.County] = new ServiceApp<CountyDbContext>(Infrastructure, ResourceNames.CountyDb, ResourceNames.CountyDb),
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

/// <summary>The test classes that share one boot of every service.</summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "services";
}

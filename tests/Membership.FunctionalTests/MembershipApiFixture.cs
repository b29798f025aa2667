using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>The membership service in-process against a real PostgreSQL and RabbitMQ started for this run.</summary>
public sealed class MembershipApiFixture : IAsyncLifetime
{
    public LocalInfrastructureFixture Infrastructure { get; } = new();

    public ServiceApp<MembershipDbContext> App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        App = new ServiceApp<MembershipDbContext>(Infrastructure, ResourceNames.MembershipDb, "membershipdb");
        Client = App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MembershipApiCollection : ICollectionFixture<MembershipApiFixture>
{
    public const string Name = "membership-api";
}

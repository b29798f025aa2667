using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Grid.FunctionalTests;

public sealed class GridApiFixture() : ServiceFixture<GridDbContext>(ResourceNames.GridDb)
{
    public IdentityStub Identity { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddHttpClient(GridWorkerDirectory.ClientName).ConfigurePrimaryHttpMessageHandler(() => Identity);
}

[CollectionDefinition(Name)]
public sealed class GridApiCollection : ICollectionFixture<GridApiFixture>
{
    public const string Name = "grid-api";
}

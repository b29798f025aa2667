using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Grid.FunctionalTests;

public sealed class GridApiFixture() : ServiceFixture<GridDbContext>(ResourceNames.GridDb);

[CollectionDefinition(Name)]
public sealed class GridApiCollection : ICollectionFixture<GridApiFixture>
{
    public const string Name = "grid-api";
}

using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Safety.FunctionalTests;

public sealed class SafetyApiFixture() : ServiceFixture<SafetyDbContext>(ResourceNames.SafetyDb);

[CollectionDefinition(Name)]
public sealed class SafetyApiCollection : ICollectionFixture<SafetyApiFixture>
{
    public const string Name = "safety-api";
}

using CommunityPlatform.Identity.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Identity.FunctionalTests;

public sealed class IdentityApiFixture() : ServiceFixture<IdentityDbContext>(
    ResourceNames.IdentityDb,
    new Dictionary<string, string> { ["Identity:DemoAccounts"] = "true" });

[CollectionDefinition(Name)]
public sealed class IdentityApiCollection : ICollectionFixture<IdentityApiFixture>
{
    public const string Name = "identity-api";
}

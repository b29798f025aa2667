using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Membership.FunctionalTests;

public sealed class MembershipApiFixture() : ServiceFixture<MembershipDbContext>(ResourceNames.MembershipDb);

[CollectionDefinition(Name)]
public sealed class MembershipApiCollection : ICollectionFixture<MembershipApiFixture>
{
    public const string Name = "membership-api";
}

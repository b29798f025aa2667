using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using CommunityPlatform.Volunteer.Infrastructure;

namespace CommunityPlatform.Volunteer.FunctionalTests;

public sealed class VolunteerApiFixture() : ServiceFixture<VolunteerDbContext>(ResourceNames.VolunteerDb);

[CollectionDefinition(Name)]
public sealed class VolunteerApiCollection : ICollectionFixture<VolunteerApiFixture>
{
    public const string Name = "volunteer-api";
}

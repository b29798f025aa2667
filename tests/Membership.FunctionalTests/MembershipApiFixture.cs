using System.Net;
using System.Net.Http.Json;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Membership.FunctionalTests;

public sealed class MembershipApiFixture() : ServiceFixture<MembershipDbContext>(ResourceNames.MembershipDb)
{
    /// <summary>The general branch every test's tree hangs from.</summary>
    public const string GeneralBranch = "DZB";

    /// <summary>A branch (网格党支部) members are registered in unless a test makes its own.</summary>
    public const string Branch = "WG-DZB";

    protected override async Task SeedAsync()
    {
        await CreateOrganisationAsync(GeneralBranch, "常青社区党总支", "GeneralBranch");
        await CreateOrganisationAsync(Branch, "网格党支部", "Branch", GeneralBranch);
    }

    public async Task CreateOrganisationAsync(string code, string name, string kind, string? parentCode = null, DateOnly? foundedOn = null)
    {
        var response = await Client.PostAsJsonAsync("/api/membership/organisations", new { code, name, kind, parentCode, foundedOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

[CollectionDefinition(Name)]
public sealed class MembershipApiCollection : ICollectionFixture<MembershipApiFixture>
{
    public const string Name = "membership-api";
}

using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommunityPlatform.County.Extensions;

/// <summary>
/// Who may do what with the county integration: the county platform (a machine client with role <c>county</c>)
/// sends cases and reads the feed; the community office signs for or returns cases; both read cases.
/// </summary>
public static class CountyPolicies
{
    public const string SubmitCases = "cases.submit";
    public const string ReadCases = "cases.read";

    /// <summary>签收 and 退单.</summary>
    public const string HandleCases = "cases.handle";

    /// <summary>The event feed: every integration event of the suite, for the county only.</summary>
    public const string ReadFeed = "feed.read";

    public const string ReadServices = "services.read";

    private static readonly string[] Office = [CommunityRoles.Secretary, CommunityRoles.Staff];

    internal static AuthorizationBuilder AddCountyPolicies(this AuthorizationBuilder policies) => policies
        .AddRolePolicy(SubmitCases, CommunityRoles.County)
        .AddRolePolicy(ReadCases, [.. Office, CommunityRoles.County])
        .AddRolePolicy(HandleCases, Office)
        .AddRolePolicy(ReadFeed, CommunityRoles.County)
        .AddRolePolicy(ReadServices, [.. Office, CommunityRoles.County]);
}

using Microsoft.AspNetCore.Authorization;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Membership.Extensions;

/// <summary>Who may do what with the party's records (党建台账), by role.</summary>
public static class MembershipPolicies
{
    /// <summary>The register, the pipeline, points and the branch's own records: the community office.</summary>
    public const string ReadMembers = "members.read";
    public const string ManageMembers = "members.manage";

    /// <summary>The organisation tree, committees and elections: the secretary.</summary>
    public const string ManageOrganisations = "organisations.manage";

    /// <summary>Meeting schedules and calendars are for every member to see.</summary>
    public const string ReadMeetings = "meetings.read";

    /// <summary>Public commitments and service posts are public (公开) to members and residents.</summary>
    public const string ReadPublicRecords = "public-records.read";

    /// <summary>The content of heart-to-heart talks: the secretary alone.</summary>
    public const string ReadTalkContent = "talks.content";

    /// <summary>The branch's statistics, also for the county platform.</summary>
    public const string ReadStatistics = "statistics.read";

    internal static AuthorizationBuilder AddMembershipPolicies(this AuthorizationBuilder policies) => policies
        .AddRolePolicy(ReadMembers, CommunityRoles.Secretary, CommunityRoles.Staff)
        .AddRolePolicy(ManageMembers, CommunityRoles.Secretary, CommunityRoles.Staff)
        .AddRolePolicy(ManageOrganisations, CommunityRoles.Secretary)
        .AddRolePolicy(ReadMeetings, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Member)
        .AddRolePolicy(ReadPublicRecords, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Member, CommunityRoles.Resident)
        .AddRolePolicy(ReadTalkContent, CommunityRoles.Secretary)
        .AddRolePolicy(ReadStatistics, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.County);
}

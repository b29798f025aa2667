namespace CommunityPlatform.Membership.Extensions;

/// <summary>Who may do what with the party's records (党建台账), by role.</summary>
public static class MembershipPolicies
{
    public const string ReadMembers = "members.read";
    public const string ManageMembers = "members.manage";
}

namespace CommunityPlatform.Safety.Extensions;

/// <summary>Who may see and register the venues inspectors check, by role.</summary>
public static class SafetyPolicies
{
    public const string ReadVenues = "venues.read";
    public const string ManageVenues = "venues.manage";
}

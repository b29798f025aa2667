namespace CommunityPlatform.Volunteer.Extensions;

/// <summary>Who may see the volunteer register, by role.</summary>
public static class VolunteerPolicies
{
    public const string ReadVolunteers = "volunteers.read";
}

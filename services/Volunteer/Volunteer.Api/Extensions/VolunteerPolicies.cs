using System.Security.Claims;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommunityPlatform.Volunteer.Extensions;

/// <summary>
/// Who may see and do what in volunteer service, by role. Organisers (leaders, staff, the secretary) run teams and
/// activities and approve hours; grid workers read within their grids; members and residents see published
/// activities and act for themselves; the county reads statistics.
/// </summary>
public static class VolunteerPolicies
{
    /// <summary>The volunteer register, attendance and service-hour records.</summary>
    public const string ReadVolunteers = "volunteers.read";

    /// <summary>Register resident volunteers, set skills, link accounts, add and remove team members.</summary>
    public const string ManageVolunteers = "volunteers.manage";

    public const string ReadTeams = "teams.read";
    public const string ManageTeams = "teams.manage";

    /// <summary>Members and residents see published activities only.</summary>
    public const string ReadActivities = "activities.read";

    /// <summary>Plan, publish, cancel and complete activities; see the check-in code.</summary>
    public const string ManageActivities = "activities.manage";

    /// <summary>Sign up, withdraw, check in and out, report patrol observations: organisers for a named volunteer, members and residents for themselves.</summary>
    public const string Participate = "activities.participate";

    public const string ApproveHours = "hours.approve";

    /// <summary>Enter an activity that has ended from its sign-in sheet (补录), named as its recorder.</summary>
    public const string RecordLate = "activities.record-late";

    /// <summary>Certificates of service hours are issued by the organisers.</summary>
    public const string IssueCertificates = "certificates.issue";

    /// <summary>A signed-in volunteer's own profile, teams, hours and certificate (<c>/me</c>).</summary>
    public const string Self = "volunteers.self";

    public const string ReadStatistics = "statistics.read";

    private static readonly string[] Organisers = [CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.VolunteerLeader];

    /// <summary>True for a caller who acts for others (a named volunteer) rather than for themselves.</summary>
    public static bool IsOrganiser(ClaimsPrincipal caller) => Organisers.Any(caller.IsInRole);

    internal static AuthorizationBuilder AddVolunteerPolicies(this AuthorizationBuilder policies) => policies
        .AddRolePolicy(ReadVolunteers, [.. Organisers, CommunityRoles.GridWorker])
        .AddRolePolicy(ManageVolunteers, Organisers)
        .AddRolePolicy(ReadTeams, [.. Organisers, CommunityRoles.GridWorker, CommunityRoles.Member, CommunityRoles.Resident])
        .AddRolePolicy(ManageTeams, Organisers)
        .AddRolePolicy(ReadActivities, [.. Organisers, CommunityRoles.GridWorker, CommunityRoles.Member, CommunityRoles.Resident])
        .AddRolePolicy(ManageActivities, Organisers)
        .AddRolePolicy(Participate, [.. Organisers, CommunityRoles.Member, CommunityRoles.Resident])
        .AddRolePolicy(ApproveHours, Organisers)
        .AddRolePolicy(RecordLate, Organisers)
        .AddRolePolicy(IssueCertificates, Organisers)
        .AddRolePolicy(Self, CommunityRoles.VolunteerLeader, CommunityRoles.Member, CommunityRoles.Resident)
        .AddRolePolicy(ReadStatistics, [.. Organisers, CommunityRoles.County]);
}

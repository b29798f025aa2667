using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommunityPlatform.Safety.Extensions;

/// <summary>Who may see and do what in safety inspection, by role; grid workers only within their grids (GridScope).</summary>
public static class SafetyPolicies
{
    /// <summary>A venue names its owner and their mobile number: not for the county, which has the statistics (docs/COUNTY.md).</summary>
    public const string ReadVenues = "venues.read";
    public const string ManageVenues = "venues.manage";

    public const string ReadChecklists = "checklists.read";
    public const string ManageChecklists = "checklists.manage";

    /// <summary>Inspections, hazards, tasks: the office, inspectors and grid workers follow them.</summary>
    public const string ReadInspections = "inspections.read";

    /// <summary>Carrying out an inspection (检查) — inspectors, and grid workers screening the nine small venues of their grid.</summary>
    public const string Inspect = "inspections.perform";

    /// <summary>Recording the rectification the responsible party did (grid workers follow up with the owners).</summary>
    public const string FollowUpHazards = "hazards.follow-up";

    /// <summary>Re-inspection (复查) and closing a hazard: not the person who followed the rectification up.</summary>
    public const string Reinspect = "hazards.reinspect";

    public const string PlanPatrols = "patrols.plan";
    public const string RecordPatrols = "patrols.record";

    public const string ManageCampaigns = "campaigns.manage";

    public const string ReadStatistics = "safety-statistics.read";

    internal static AuthorizationBuilder AddSafetyPolicies(this AuthorizationBuilder policies) => policies
        .AddRolePolicy(ReadVenues, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(ManageVenues, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(ReadChecklists, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(ManageChecklists, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector)
        .AddRolePolicy(ReadInspections, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(Inspect, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(FollowUpHazards, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(Reinspect, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector)
        .AddRolePolicy(PlanPatrols, CommunityRoles.Secretary, CommunityRoles.Staff)
        .AddRolePolicy(RecordPatrols, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.GridWorker)
        .AddRolePolicy(ManageCampaigns, CommunityRoles.Secretary, CommunityRoles.Staff)
        .AddRolePolicy(ReadStatistics, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector, CommunityRoles.County);
}

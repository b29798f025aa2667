using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommunityPlatform.Grid.Extensions;

/// <summary>Who may see and do what in grid governance, by role; grid workers only within their grids (GridScope).</summary>
public static class GridPolicies
{
    /// <summary>A grid comes with its workers, people: not for the county (docs/COUNTY.md), which learns grids from the feed.</summary>
    public const string ReadGrids = "grids.read";
    public const string ManageGrids = "grids.manage";

    /// <summary>Buildings, households and residents: the office and the grid workers.</summary>
    public const string ReadPlaces = "places.read";
    public const string ManagePlaces = "places.manage";

    /// <summary>
    /// Residents report matters too, and see their own. A matter names its reporter and the flat: not for the county,
    /// which follows its cases through <c>/api/county/cases</c> and the feed (docs/COUNTY.md).
    /// </summary>
    public const string ReportMatters = "matters.report";
    public const string ReadMatters = "matters.read";
    public const string HandleMatters = "matters.handle";

    /// <summary>Businesses and partner units (共建单位) with their resources.</summary>
    public const string ReadCommunity = "community.read";

    public const string ReadStatistics = "statistics.read";

    /// <summary>Micro-wishes and the four lists are the community's shared notice board.</summary>
    public const string ReadWishes = "wishes.read";
    public const string ClaimWishes = "wishes.claim";

    /// <summary>The care list (重点人员): the secretary and the grid workers of the person's grid, nobody else.</summary>
    public const string ReadCareList = "care-list.read";
    public const string ManageCareList = "care-list.manage";

    /// <summary>Who read the care list, and who was refused: the secretary alone.</summary>
    public const string ReadCareListAudit = "care-list.audit";

    internal static AuthorizationBuilder AddGridPolicies(this AuthorizationBuilder policies) => policies
        .AddRolePolicy(ReadGrids, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker,
            CommunityRoles.Inspector, CommunityRoles.VolunteerLeader)
        .AddRolePolicy(ManageGrids, CommunityRoles.Secretary, CommunityRoles.Staff)
        .AddRolePolicy(ReadPlaces, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker)
        .AddRolePolicy(ManagePlaces, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker)
        .AddRolePolicy(ReportMatters, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.Resident)
        .AddRolePolicy(ReadMatters, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.Resident)
        .AddRolePolicy(HandleMatters, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker)
        .AddRolePolicy(ReadCommunity, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker,
            CommunityRoles.Inspector, CommunityRoles.VolunteerLeader)
        .AddRolePolicy(ReadStatistics, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.County)
        .AddRolePolicy(ReadWishes, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.VolunteerLeader,
            CommunityRoles.Member, CommunityRoles.Resident)
        .AddRolePolicy(ClaimWishes, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker)
        .AddRolePolicy(ReadCareList, CommunityRoles.Secretary, CommunityRoles.GridWorker)
        .AddRolePolicy(ManageCareList, CommunityRoles.Secretary, CommunityRoles.GridWorker)
        .AddRolePolicy(ReadCareListAudit, CommunityRoles.Secretary);
}

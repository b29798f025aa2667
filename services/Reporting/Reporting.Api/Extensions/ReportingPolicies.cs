using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommunityPlatform.Reporting.Extensions;

/// <summary>
/// Who may read and freeze reports. Reading needs the four services' statistics as well (the caller's token is
/// passed on), so the readers are the roles every service lets read its statistics.
/// </summary>
public static class ReportingPolicies
{
    public const string ReadReports = "reports.read";
    public const string FreezeReports = "reports.freeze";

    public static AuthorizationBuilder AddReportingPolicies(this AuthorizationBuilder authorization) => authorization
        .AddRolePolicy(ReadReports, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.County)
        // The frozen copy is the community's official word to the county: the secretary signs it off.
        .AddRolePolicy(FreezeReports, CommunityRoles.Secretary);
}

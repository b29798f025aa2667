namespace CommunityPlatform.ServiceDefaults;

/// <summary>
/// Names of the AppHost's resources. They are also the connection-string names the services read and the
/// host names service discovery resolves, so AppHost, services and tests share this one list.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    public const string MembershipDb = "membershipdb";
    public const string GridDb = "griddb";
    public const string SafetyDb = "safetydb";
    public const string VolunteerDb = "volunteerdb";
    public const string IdentityDb = "identitydb";
    public const string ReportingDb = "reportingdb";
    public const string CountyDb = "countydb";

    public const string MembershipApi = "membership-api";
    public const string GridApi = "grid-api";
    public const string SafetyApi = "safety-api";
    public const string VolunteerApi = "volunteer-api";
    public const string IdentityApi = "identity-api";
    public const string ReportingApi = "reporting-api";
    public const string CountyApi = "county-api";
    public const string Gateway = "gateway";

    /// <summary>The web workbench's static host; browsers reach it through the gateway.</summary>
    public const string Workbench = "workbench";

    /// <summary>The demo community generator, added by <c>./run --demo</c>; it runs once and exits.</summary>
    public const string DemoCommunity = "demo-community";
}

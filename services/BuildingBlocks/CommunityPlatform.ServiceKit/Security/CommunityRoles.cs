namespace CommunityPlatform.ServiceKit.Security;

/// <summary>
/// The roles of the suite, as they travel in the <c>role</c> claim of an access token. People sign in; machine
/// clients (the county platform, ops tooling) use client credentials.
/// </summary>
public static class CommunityRoles
{
    /// <summary>社区党委书记 — the community's party secretary and administrator.</summary>
    public const string Secretary = "secretary";

    /// <summary>社区工作人员</summary>
    public const string Staff = "staff";

    /// <summary>网格员 — scoped to the grids in their <c>grid</c> claims.</summary>
    public const string GridWorker = "grid_worker";

    /// <summary>安全巡查员</summary>
    public const string Inspector = "inspector";

    /// <summary>志愿服务队长</summary>
    public const string VolunteerLeader = "volunteer_leader";

    /// <summary>党员</summary>
    public const string Member = "member";

    /// <summary>居民</summary>
    public const string Resident = "resident";

    /// <summary>县级平台 (machine client).</summary>
    public const string County = "county";

    /// <summary>运维 (machine client): health and metrics only.</summary>
    public const string Ops = "ops";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Secretary] = "社区党委书记",
        [Staff] = "社区工作人员",
        [GridWorker] = "网格员",
        [Inspector] = "安全巡查员",
        [VolunteerLeader] = "志愿服务队长",
        [Member] = "党员",
        [Resident] = "居民",
        [County] = "县级平台",
        [Ops] = "运维",
    };
}

/// <summary>Claim types the suite adds to the standard OpenID Connect ones.</summary>
public static class CommunityClaims
{
    /// <summary>A grid code the user works in; one claim per grid.</summary>
    public const string Grid = "grid";

    /// <summary>The API resource (audience) of every service.</summary>
    public const string ApiResource = "community-api";

    /// <summary>The scope that asks for an access token to the suite's APIs.</summary>
    public const string ApiScope = "community-api";
}

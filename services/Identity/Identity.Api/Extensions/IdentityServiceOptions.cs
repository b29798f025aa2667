using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Identity.Extensions;

/// <summary>The identity service's settings (section <c>Identity</c>).</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>Seed one demo account per role, and demo machine clients (local mode and tests only).</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string DemoPassword { get; set; } = "Community@2026";

    /// <summary>
    /// How long an access token lives: how long a lockout or a change of access may take to reach every service
    /// (refresh tokens are revoked at once). Five minutes; the end-to-end tests and benchmarks, which hold one token
    /// for a whole run, set a longer one.
    /// </summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The issuer written into tokens; when unset, the address the request came to.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Where the web workbench may receive authorization codes.</summary>
    public List<Uri> WebRedirectUris { get; set; } = [new("http://localhost:5173/callback")];

    /// <summary>Machine clients (client credentials) and their role, e.g. the county platform.</summary>
    public List<MachineClient> MachineClients { get; set; } = [];

    /// <summary>The configured machine clients, plus the demo ones when demo accounts are on.</summary>
    public IEnumerable<MachineClient> AllMachineClients() =>
        MachineClients.Concat(DemoAccounts
            ? [
                new MachineClient { ClientId = "county-platform", ClientSecret = "county-demo-secret", DisplayName = "县级社会治理平台", Role = CommunityRoles.County },
                new MachineClient { ClientId = "ops-monitor", ClientSecret = "ops-demo-secret", DisplayName = "运维监控", Role = CommunityRoles.Ops },
            ]
            : []);
}

public sealed class MachineClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>One of the machine roles: county or ops.</summary>
    public string Role { get; set; } = "";
}

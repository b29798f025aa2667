namespace CommunityPlatform.Gateway.Extensions;

/// <summary>The gateway's protections (section <c>Gateway</c>), with defaults for one community.</summary>
public sealed class GatewayProtectionOptions
{
    /// <summary>Requests one caller (the person of a validated token or session, else the address) may make per window.</summary>
    public int RequestsPerCaller { get; set; } = 600;

    /// <summary>Requests one client address may make per window, whatever tokens it presents.</summary>
    public int RequestsPerAddress { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body accepted (bulk imports of a whole community fit).</summary>
    public long MaxRequestBodyBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Front-end origins that may call the API from a browser.</summary>
    public List<string> CorsOrigins { get; set; } = ["http://localhost:5173"];
}

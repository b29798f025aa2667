using CommunityPlatform.Safety.Domain;

namespace CommunityPlatform.Safety.Extensions;

/// <summary>The safety service's settings (section <c>Safety</c>).</summary>
public sealed class SafetyOptions
{
    /// <summary>Default rectification periods by severity, when the inspector sets no date.</summary>
    public RectificationDeadlines Rectification { get; set; } = new();

    /// <summary>This locality's size limits of the nine small venue kinds (九小场所).</summary>
    public SmallVenueThresholds SmallVenues { get; set; } = new();

    /// <summary>How often overdue hazards and finished patrol months are checked.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many finished months back a patrol plan's quota is judged (for plans created late, or a service that was down).</summary>
    public int QuotaLookbackMonths { get; set; } = 3;
}

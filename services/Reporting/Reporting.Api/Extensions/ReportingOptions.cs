namespace CommunityPlatform.Reporting.Extensions;

/// <summary>The reporting service's settings (section <c>Reporting</c>).</summary>
public sealed class ReportingOptions
{
    /// <summary>The community's name as the report's title writes it.</summary>
    public string CommunityName { get; set; } = "常青社区";
}

namespace CommunityPlatform.Contracts.Grid;

/// <summary>
/// A residents' matter (事项) was reported in a grid. Carries the category and location, not the description or
/// the reporter, which may name people.
/// </summary>
public sealed record MatterReported : IntegrationEvent
{
    public required Guid MatterId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The category's code, e.g. <c>Dispute</c>, <c>Safety</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Where, as the reporter described the place (楼栋, 路段), without names.</summary>
    public required string Location { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>
    /// Who raised it: <c>Report</c> (a person), or the record of another service it was opened for (<c>Hazard</c>,
    /// <c>PatrolObservation</c>, <c>PatrolQuota</c>), so that service does not act on its own echo.
    /// </summary>
    public string Source { get; init; } = "Report";

    /// <summary>Set when the matter was opened for a case the county platform handed down (<c>Source</c> <c>CountyCase</c>).</summary>
    public Guid? ServiceRequestId { get; init; }
}

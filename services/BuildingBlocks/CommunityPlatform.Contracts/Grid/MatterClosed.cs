namespace CommunityPlatform.Contracts.Grid;

/// <summary>
/// A residents' matter (事项) was closed (销号): verified with whoever raised it, or closed because the hazard behind
/// it was rectified. The end of the matter's loop.
/// </summary>
public sealed record MatterClosed : IntegrationEvent
{
    public required Guid MatterId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The matter category's code, e.g. <c>Dispute</c>.</summary>
    public required string Category { get; init; }

    /// <summary>The satisfaction recorded at the verification, 1 to 5; none when the matter closed without one.</summary>
    public int? Satisfaction { get; init; }

    /// <summary>Set when the matter was opened for a case the county platform handed down.</summary>
    public Guid? ServiceRequestId { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }
}

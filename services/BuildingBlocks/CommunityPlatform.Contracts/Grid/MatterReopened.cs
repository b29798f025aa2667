namespace CommunityPlatform.Contracts.Grid;

/// <summary>
/// A resolved matter was rated dissatisfied and sent back to be handled again (退回重办): it is no longer resolved,
/// and a county case that followed it is in progress again.
/// </summary>
public sealed record MatterReopened : IntegrationEvent
{
    public required Guid MatterId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The matter category's code, e.g. <c>Dispute</c>.</summary>
    public required string Category { get; init; }

    /// <summary>The dissatisfied rating that sent it back, 1 to 5.</summary>
    public required int Satisfaction { get; init; }

    /// <summary>Set when the matter was opened for a case the county platform handed down.</summary>
    public Guid? ServiceRequestId { get; init; }

    public required DateTimeOffset ReopenedAt { get; init; }
}

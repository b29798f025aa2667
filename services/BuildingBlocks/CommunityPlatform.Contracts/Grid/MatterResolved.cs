namespace CommunityPlatform.Contracts.Grid;

/// <summary>
/// A residents' matter (事项) was resolved. <see cref="ResolverMemberId"/> is set when a party member handled
/// it, so the member's points ledger can credit them.
/// </summary>
public sealed record MatterResolved : IntegrationEvent
{
    public required Guid MatterId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The matter category's code, e.g. <c>Dispute</c>, <c>ElevatorRetrofit</c>, <c>Safety</c>.</summary>
    public required string Category { get; init; }

    public Guid? ResolverMemberId { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    /// <summary>Set when the matter was opened for a case the county platform handed down.</summary>
    public Guid? ServiceRequestId { get; init; }
}

namespace CommunityPlatform.Contracts.County;

/// <summary>
/// A county case moved on: received, signed for, returned (退单), in progress on a grid, resolved, closed. Named as
/// Open311 GeoReport v2 names them, so the county reads it on its event feed exactly as it reads the case itself.
/// </summary>
public sealed record CountyCaseStatusChanged : IntegrationEvent
{
    /// <summary>The case, as the county service numbers it.</summary>
    public required Guid ServiceRequestId { get; init; }

    /// <summary>The county platform's own id for the case.</summary>
    public required string CountyCaseId { get; init; }

    public required string ServiceCode { get; init; }

    /// <summary><c>received</c>, <c>signed_for</c>, <c>returned</c>, <c>in_progress</c>, <c>resolved</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    /// <summary>Open311's two states: <c>open</c> or <c>closed</c>.</summary>
    public required string Status { get; init; }

    public required string StatusNotes { get; init; }

    /// <summary>The grid matter handling it, once there is one.</summary>
    public Guid? MatterId { get; init; }

    public required DateTimeOffset UpdatedDatetime { get; init; }
}

namespace CommunityPlatform.Contracts.Safety;

/// <summary>An inspection found a hazard (隐患) at a venue; the grid opens a matter for the grid's worker.</summary>
public sealed record HazardReported : IntegrationEvent
{
    public required Guid HazardId { get; init; }

    public required string GridCode { get; init; }

    public required Guid VenueId { get; init; }

    /// <summary>The venue's name and address as the grid worker needs them to find it (a business, not a person).</summary>
    public required string Location { get; init; }

    /// <summary>What is wrong, from the checklist item, e.g. 消防通道堵塞.</summary>
    public required string Summary { get; init; }

    /// <summary><c>General</c> (一般) or <c>Major</c> (重大).</summary>
    public required string Severity { get; init; }

    public required DateOnly Deadline { get; init; }
}

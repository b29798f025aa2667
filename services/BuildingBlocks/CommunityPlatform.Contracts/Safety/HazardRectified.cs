namespace CommunityPlatform.Contracts.Safety;

/// <summary>A hazard was re-inspected and closed as rectified; the grid closes the matter linked to it.</summary>
public sealed record HazardRectified : IntegrationEvent
{
    public required Guid HazardId { get; init; }

    public required string GridCode { get; init; }

    public required DateTimeOffset RectifiedAt { get; init; }
}

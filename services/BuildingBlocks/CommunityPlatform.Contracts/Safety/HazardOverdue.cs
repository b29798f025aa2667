namespace CommunityPlatform.Contracts.Safety;

/// <summary>A hazard passed its rectification deadline; published once per hazard and deadline.</summary>
public sealed record HazardOverdue : IntegrationEvent
{
    public required Guid HazardId { get; init; }

    public required string GridCode { get; init; }

    public required DateOnly Deadline { get; init; }
}

namespace CommunityPlatform.Contracts.Safety;

/// <summary>A re-inspection found the rectification wanting and reopened the hazard with a new deadline; the grid moves its matter's due date.</summary>
public sealed record HazardReopened : IntegrationEvent
{
    public required Guid HazardId { get; init; }

    public required string GridCode { get; init; }

    public required DateOnly Deadline { get; init; }

    public required DateTimeOffset ReopenedAt { get; init; }
}

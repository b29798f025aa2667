namespace CommunityPlatform.Contracts.Volunteer;

/// <summary>A volunteer on a patrol (平安义警) reported something the grid should look at; it becomes a matter.</summary>
public sealed record PatrolObservationReported : IntegrationEvent
{
    public required Guid ObservationId { get; init; }

    public required Guid ActivityId { get; init; }

    public required string GridCode { get; init; }

    public required string Location { get; init; }

    /// <summary>What was seen; volunteers are asked not to name people in it.</summary>
    public required string Description { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }
}

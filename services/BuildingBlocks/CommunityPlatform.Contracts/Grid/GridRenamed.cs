namespace CommunityPlatform.Contracts.Grid;

/// <summary>A grid got a new name; its code, which other services refer to, never changes.</summary>
public sealed record GridRenamed : IntegrationEvent
{
    public required string GridCode { get; init; }

    public required string Name { get; init; }
}

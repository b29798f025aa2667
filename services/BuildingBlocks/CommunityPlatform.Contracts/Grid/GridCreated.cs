namespace CommunityPlatform.Contracts.Grid;

/// <summary>A grid (网格) was created; other services keep it as reference data.</summary>
public sealed record GridCreated : IntegrationEvent
{
    public required string GridCode { get; init; }

    public required string Name { get; init; }
}

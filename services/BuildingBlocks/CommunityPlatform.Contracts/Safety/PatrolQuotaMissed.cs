namespace CommunityPlatform.Contracts.Safety;

/// <summary>A grid held fewer patrols of a kind in a month than its plan requires (e.g. 4 forest-fire patrols).</summary>
public sealed record PatrolQuotaMissed : IntegrationEvent
{
    public required string GridCode { get; init; }

    /// <summary>The patrol kind's code, e.g. <c>ForestFire</c>.</summary>
    public required string PatrolKind { get; init; }

    /// <summary>The month judged, as yyyy-MM.</summary>
    public required string Month { get; init; }

    public required int Required { get; init; }

    public required int Held { get; init; }
}

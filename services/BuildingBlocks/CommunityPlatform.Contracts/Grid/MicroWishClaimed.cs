namespace CommunityPlatform.Contracts.Grid;

/// <summary>A resident's micro-wish (微心愿) was claimed by a party member or a partner unit.</summary>
public sealed record MicroWishClaimed : IntegrationEvent
{
    public required Guid MicroWishId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The need category's code, e.g. <c>ElderlyCare</c>.</summary>
    public required string Category { get; init; }

    public Guid? MemberId { get; init; }

    public Guid? PartnerUnitId { get; init; }

    public required DateTimeOffset ClaimedAt { get; init; }
}

namespace CommunityPlatform.Contracts.Grid;

/// <summary>
/// A resident's micro-wish (微心愿) was fulfilled by whoever claimed it: a party member
/// (<see cref="MemberId"/> set) or a partner unit (<see cref="PartnerUnitId"/> set).
/// </summary>
public sealed record MicroWishFulfilled : IntegrationEvent
{
    public required Guid MicroWishId { get; init; }

    public required string GridCode { get; init; }

    public Guid? MemberId { get; init; }

    public Guid? PartnerUnitId { get; init; }

    public required DateTimeOffset FulfilledAt { get; init; }
}

namespace CommunityPlatform.Contracts.Membership;

/// <summary>
/// A member's standing changed: admitted as probationary, made a full member, probation cancelled, transferred
/// out of the community's organisations, or deceased. Other services use it to keep their links to the member
/// current; it carries codes only.
/// </summary>
public sealed record MemberStatusChanged : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    /// <summary>The grid the member lives in, so a consumer that has not seen the registration yet can still link them.</summary>
    public required string GridCode { get; init; }

    /// <summary>The status before the change (e.g. <c>Probationary</c>).</summary>
    public required string PreviousStatus { get; init; }

    /// <summary>The status now: <c>Probationary</c>, <c>Full</c>, <c>ProbationCancelled</c>, <c>TransferredOut</c> or <c>Deceased</c>.</summary>
    public required string Status { get; init; }

    /// <summary>True when the member still belongs to one of the community's organisations.</summary>
    public required bool Active { get; init; }

    public required DateOnly EffectiveOn { get; init; }
}

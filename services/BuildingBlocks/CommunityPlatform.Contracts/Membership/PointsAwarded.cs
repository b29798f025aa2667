namespace CommunityPlatform.Contracts.Membership;

/// <summary>Points (积分) were credited to a member; <see cref="Source"/> names the record that earned them.</summary>
public sealed record PointsAwarded : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required decimal Points { get; init; }

    /// <summary>What earned them: <c>Attendance</c>, <c>VolunteerHours</c>, <c>MicroWishFulfilled</c> or <c>MatterResolved</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The earning record, e.g. <c>meeting:{id}</c>; a member is never credited twice for one source.</summary>
    public required string Source { get; init; }
}

namespace CommunityPlatform.Contracts.Volunteer;

/// <summary>
/// A published activity was called off. Carries the signed-up volunteers' ids (not their names or phones) so a
/// notification service can tell each of them.
/// </summary>
public sealed record VolunteerActivityCancelled : IntegrationEvent
{
    public required Guid ActivityId { get; init; }

    public required string GridCode { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required IReadOnlyList<Guid> VolunteerIds { get; init; }
}

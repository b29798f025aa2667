namespace CommunityPlatform.Contracts.Volunteer;

/// <summary>A volunteer activity ended and its attendance was settled: who came, who did not, and the hours approved so far.</summary>
public sealed record VolunteerActivityCompleted : IntegrationEvent
{
    public required Guid ActivityId { get; init; }

    public required Guid TeamId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The activity kind's code, e.g. <c>Patrol</c>.</summary>
    public required string Kind { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Participants { get; init; }

    public required int NoShows { get; init; }
}

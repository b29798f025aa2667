namespace CommunityPlatform.Contracts.Volunteer;

/// <summary>
/// Service hours were approved for a volunteer at an activity. <see cref="MemberId"/> is set when the volunteer is
/// a party member, so membership can award points for them.
/// </summary>
public sealed record VolunteerHoursCredited : IntegrationEvent
{
    /// <summary>The approved service-hour record; one credit per record.</summary>
    public required Guid ServiceRecordId { get; init; }

    public required Guid VolunteerId { get; init; }

    public Guid? MemberId { get; init; }

    public required Guid ActivityId { get; init; }

    public required decimal Hours { get; init; }

    public required DateOnly ServedOn { get; init; }
}

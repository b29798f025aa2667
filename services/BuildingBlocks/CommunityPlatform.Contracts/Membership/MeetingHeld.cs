namespace CommunityPlatform.Contracts.Membership;

/// <summary>A meeting of organisational life (三会一课, 主题党日) was held, with its attendance counts.</summary>
public sealed record MeetingHeld : IntegrationEvent
{
    public required Guid MeetingId { get; init; }

    public required string OrganisationCode { get; init; }

    /// <summary>The meeting kind's code, e.g. <c>CommitteeMeeting</c>, <c>PartyLecture</c>, <c>StudySession</c>.</summary>
    public required string Kind { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Present { get; init; }

    public required int Absent { get; init; }
}

namespace CommunityPlatform.Contracts.Membership;

/// <summary>
/// A party member (党员) was registered. Carries no personal data beyond what the volunteer service needs to
/// link a profile: no phone number, no birth date.
/// </summary>
public sealed record MemberRegistered : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required string OrganisationCode { get; init; }

    public required string GridCode { get; init; }
}

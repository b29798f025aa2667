namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A volunteer (志愿者): a resident or a party member, linked by id to the record the other service owns, so
/// personal details stay there.
/// </summary>
public sealed class VolunteerProfile
{
    private VolunteerProfile()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The member in the membership service, when the volunteer is a party member.</summary>
    public Guid? MemberId { get; private set; }

    public string GridCode { get; private set; } = "";

    public VolunteerSource Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static VolunteerProfile ForMember(Guid memberId, string gridCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MemberId = memberId,
        GridCode = gridCode,
        Source = VolunteerSource.MemberRegistration,
        CreatedAt = now,
    };
}

public enum VolunteerSource
{
    /// <summary>Created when a party member was registered (党员志愿者).</summary>
    MemberRegistration,

    /// <summary>Registered directly by a team leader.</summary>
    Direct,
}

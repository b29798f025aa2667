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

    /// <summary>True while the linked member belongs to the community's party organisations.</summary>
    public bool IsPartyMember { get; private set; }

    /// <summary>False once the volunteer has left the community (transferred out) or died.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>When the membership standing last applied took effect, so a late, older change is ignored.</summary>
    public DateTimeOffset? MemberStatusAt { get; private set; }

    /// <summary>
    /// Applies a change of the linked member's standing; changes can arrive out of order, and only the latest
    /// counts.
    /// </summary>
    public void ApplyMemberStatus(string status, bool partyMember, DateTimeOffset occurredAt)
    {
        if (MemberStatusAt >= occurredAt)
        {
            return;
        }

        MemberStatusAt = occurredAt;
        IsPartyMember = partyMember;
        Active = status is not ("TransferredOut" or "Deceased");
    }

    public static VolunteerProfile ForMember(Guid memberId, string gridCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MemberId = memberId,
        GridCode = gridCode,
        Source = VolunteerSource.MemberRegistration,
        CreatedAt = now,
        IsPartyMember = true,
    };
}

public enum VolunteerSource
{
    /// <summary>Created when a party member was registered (党员志愿者).</summary>
    MemberRegistration,

    /// <summary>Registered directly by a team leader.</summary>
    Direct,
}

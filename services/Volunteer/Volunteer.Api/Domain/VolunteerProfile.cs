using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A volunteer (志愿者): a party member, linked by id to the register the membership service owns so their personal
/// details stay there, or a resident registered here with the name the volunteer register needs.
/// </summary>
public sealed class VolunteerProfile
{
    /// <summary>What the register shows for a member volunteer, whose name stays in the membership service.</summary>
    public const string MemberLabel = "党员志愿者";

    public const int NameMaxLength = 50;
    public const int AccountIdMaxLength = 100;

    private VolunteerProfile()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The member in the membership service, when the volunteer is a party member.</summary>
    public Guid? MemberId { get; private set; }

    /// <summary>A resident volunteer's name; null for member volunteers. Personal data: never logged, never on the bus.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>A resident volunteer's mobile number, optional. Personal data: never logged, never on the bus, sealed at rest.</summary>
    [Sealed]
    public string? Phone { get; private set; }

    public string GridCode { get; private set; } = "";

    public string[] Skills { get; private set; } = [];

    /// <summary>The identity account (its subject) of the person, so they can sign up and check in as themselves.</summary>
    public string? AccountId { get; private set; }

    public VolunteerSource Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>True while the linked member belongs to the community's party organisations.</summary>
    public bool IsPartyMember { get; private set; }

    /// <summary>False once the volunteer has left the community (transferred out) or died.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>When the membership standing last applied took effect, so a late, older change is ignored.</summary>
    public DateTimeOffset? MemberStatusAt { get; private set; }

    /// <summary>Activities the volunteer signed up for and never checked in to, counted when each was completed.</summary>
    public int NoShows { get; private set; }

    /// <summary>The name the register and certificates show.</summary>
    public string Label => MemberId is null ? DisplayName ?? "" : MemberLabel;

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

    public void ReplaceSkills(IReadOnlyList<string>? skills)
    {
        var validation = new Validation();
        validation.RequireGiven(skills, "skills", "is required (an empty list clears them).");
        var normalised = Domain.Skills.Normalise(skills, "skills", validation);
        validation.ThrowIfInvalid();
        Skills = normalised;
    }

    /// <summary>Links the person's sign-in account; uniqueness across volunteers is checked by the caller and the database.</summary>
    public void LinkAccount(string? accountId)
    {
        new Validation().RequireText(accountId, "accountId", AccountIdMaxLength).ThrowIfInvalid();
        AccountId = accountId!.Trim();
    }

    public void RecordNoShow() => NoShows++;

    public static VolunteerProfile ForMember(Guid memberId, string gridCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MemberId = memberId,
        GridCode = gridCode,
        Source = VolunteerSource.MemberRegistration,
        CreatedAt = now,
        IsPartyMember = true,
    };

    /// <summary>A resident registered directly by the office or a team leader; the grid is checked by the caller.</summary>
    public static VolunteerProfile Register(
        string? displayName, string? phone, string gridCode, IReadOnlyList<string>? skills, string? accountId, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(displayName, "displayName", NameMaxLength);
        var givenPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        validation.Require(givenPhone is null || ChinesePhone.IsValid(givenPhone), "phone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number: 11 digits starting with 1."));
        var givenAccount = string.IsNullOrWhiteSpace(accountId) ? null : accountId.Trim();
        validation.RequireMaxLength(givenAccount, "accountId", AccountIdMaxLength);
        var normalised = Domain.Skills.Normalise(skills, "skills", validation);
        validation.ThrowIfInvalid();

        return new VolunteerProfile
        {
            Id = Guid.CreateVersion7(now),
            DisplayName = displayName!.Trim(),
            Phone = givenPhone,
            GridCode = gridCode,
            Skills = normalised,
            AccountId = givenAccount,
            Source = VolunteerSource.Direct,
            CreatedAt = now,
        };
    }
}

public enum VolunteerSource
{
    /// <summary>Created when a party member was registered (党员志愿者).</summary>
    MemberRegistration,

    /// <summary>Registered directly by the office or a team leader.</summary>
    Direct,
}

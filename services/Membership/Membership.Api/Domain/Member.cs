using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>A party member (党员) of one of the community's organisations.</summary>
public sealed class Member
{
    public const int NameMaxLength = 50;
    public const int CodeMaxLength = 50;

    private Member()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Education Education { get; private set; }

    /// <summary>Personal data: never logged, never on the bus.</summary>
    public string? Phone { get; private set; }

    public string OrganisationCode { get; private set; } = "";

    /// <summary>The grid (网格) the member lives in.</summary>
    public string GridCode { get; private set; } = "";

    public MemberStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// Registers a member after checking every field; the returned event is to be written to the outbox in the
    /// same transaction.
    /// </summary>
    public static (Member Member, MemberRegistered Registered) Register(
        string? name, string? gender, DateOnly? birthDate, string? education, string? phone,
        string? organisationCode, string? gridCode, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", NameMaxLength);
        var parsedGender = validation.RequireOneOf(gender, "gender", GenderLabels.All);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        validation.Require(birthDate is not null, "birthDate", "is required (yyyy-MM-dd).");
        if (birthDate is { } born)
        {
            validation.Require(born <= today, "birthDate", "may not be in the future.");
            validation.Require(born > today || born <= today.AddYears(-18), "birthDate", "must be at least 18 years ago: members join at 18 or older.");
            validation.Require(born > today.AddYears(-130), "birthDate", "is more than 130 years ago.");
        }
        var parsedEducation = validation.RequireOneOf(education, "education", EducationLabels.All);
        validation.Require(phone is null || ChinesePhone.IsValid(phone), "phone", "must be a mainland mobile number of 11 digits starting with 1.");
        validation.RequireText(organisationCode, "organisationCode", CodeMaxLength);
        validation.RequireText(gridCode, "gridCode", CodeMaxLength);
        validation.ThrowIfInvalid();

        var member = new Member
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            Gender = parsedGender!.Value,
            BirthDate = birthDate!.Value,
            Education = parsedEducation!.Value,
            Phone = phone?.Trim(),
            OrganisationCode = organisationCode!.Trim(),
            GridCode = gridCode!.Trim(),
            Status = MemberStatus.Full,
            RegisteredAt = now,
        };

        var registered = new MemberRegistered
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            MemberId = member.Id,
            OrganisationCode = member.OrganisationCode,
            GridCode = member.GridCode,
        };

        return (member, registered);
    }
}

public enum MemberStatus
{
    /// <summary>正式党员</summary>
    Full,

    /// <summary>预备党员</summary>
    Probationary,
}

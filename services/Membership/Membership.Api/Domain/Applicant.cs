using System.Globalization;
using System.Linq.Expressions;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A person on the way into the party (发展党员): applicant (入党申请人) → activist (入党积极分子) → development
/// candidate (发展对象) → probationary member (预备党员) → full member (正式党员). Each step has its date and the
/// people involved; the one-year rules are enforced here.
/// </summary>
public sealed class Applicant
{
    /// <summary>Probation may be extended once, by six months to a year (延长预备期).</summary>
    public const int MinExtensionMonths = 6;
    public const int MaxExtensionMonths = 12;

    private Applicant()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Education Education { get; private set; }

    /// <summary>Personal data: never logged, never on the bus, sealed at rest.</summary>
    [Sealed]
    public string? Phone { get; private set; }

    public string GridCode { get; private set; } = "";

    public string OrganisationCode { get; private set; } = "";

    public PipelineStage Stage { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    public DateOnly? ActivistOn { get; private set; }

    /// <summary>培养联系人: the full members who mentor the activist.</summary>
    public Guid[] ContactMemberIds { get; private set; } = [];

    public DateOnly? CandidateOn { get; private set; }

    public DateOnly? AdmittedOn { get; private set; }

    /// <summary>入党介绍人: the two full members who sponsor the admission.</summary>
    public Guid[] SponsorMemberIds { get; private set; } = [];

    public DateOnly? ProbationEndsOn { get; private set; }

    public bool ProbationExtended { get; private set; }

    public DateOnly? FullOn { get; private set; }

    public DateOnly? CancelledOn { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>The member record created on admission.</summary>
    public Guid? MemberId { get; private set; }

    internal PersonalDetails Details => new(Name, Gender, BirthDate, Education, Phone, GridCode);

    public bool InProgress => Stage is not (PipelineStage.Full or PipelineStage.Cancelled);

    /// <summary>Admitted as probationary members (the day of 接收预备党员) on one of <paramref name="days"/>, whatever happened since.</summary>
    public static Expression<Func<Applicant, bool>> AdmittedWithin(DayRange days) => days.Covers<Applicant>(a => a.AdmittedOn);

    /// <summary>
    /// Admitted under 35 on the day of admission (born after the day 35 years before, as <see cref="AgeCohorts.BirthDates"/>
    /// counts) and with college education or above — the development figure the report names.
    /// </summary>
    public static readonly Expression<Func<Applicant, bool>> AdmittedUnder35WithCollege = a =>
        a.AdmittedOn != null && a.BirthDate > a.AdmittedOn.Value.AddYears(-35) && AgeCohorts.CollegeOrAbove.Contains(a.Education);

    public static Applicant Apply(
        string? name, string? gender, DateOnly? birthDate, string? education, string? phone, string? gridCode,
        Organisation organisation, DateOnly? appliedOn, DateTimeOffset now)
    {
        var validation = new Validation();
        var details = PersonalDetails.Check(validation, name, gender, birthDate, education, phone, gridCode, now);
        validation.RequireDateNotAfter(appliedOn, "appliedOn", CommunityTime.DateOf(now));
        validation.Require(appliedOn is null || birthDate is null || appliedOn >= birthDate.Value.AddYears(18), "appliedOn", ValidationFailure.Of(ValidationCodes.Age, "must be on or after the applicant's 18th birthday."));
        validation.ThrowIfInvalid();

        return new Applicant
        {
            Id = Guid.CreateVersion7(now),
            Name = details!.Name,
            Gender = details.Gender,
            BirthDate = details.BirthDate,
            Education = details.Education,
            Phone = details.Phone,
            GridCode = details.GridCode,
            OrganisationCode = organisation.Code,
            Stage = PipelineStage.Applicant,
            AppliedOn = appliedOn!.Value,
        };
    }

    /// <summary>Accepted as an activist (列为入党积极分子) with one or two full members as contacts.</summary>
    public void BecomeActivist(DateOnly? on, IReadOnlyCollection<Member> contacts, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "on", CommunityTime.DateOf(now));
        validation.Require(contacts.Count is 1 or 2, "contactMemberIds", ValidationFailure.Count(1, 2, "must name one or two full members (培养联系人)."));
        validation.ThrowIfInvalid();
        RequireStage(PipelineStage.Applicant, PipelineStage.Activist);
        RequireNotBefore(on!.Value, AppliedOn, "the application");
        RequireFullMembers(contacts, "contact");
        Stage = PipelineStage.Activist;
        ActivistOn = on;
        ContactMemberIds = [.. contacts.Select(c => c.Id)];
    }

    /// <summary>Made a development candidate (确定为发展对象) after at least a year as an activist.</summary>
    public void BecomeCandidate(DateOnly? on, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "on", CommunityTime.DateOf(now));
        validation.ThrowIfInvalid();
        RequireStage(PipelineStage.Activist, PipelineStage.Candidate);
        var earliest = ActivistOn!.Value.AddYears(1);
        if (on < earliest)
        {
            throw TooEarly("pipeline.activist-one-year", "An activist becomes a development candidate after at least one year of training", earliest);
        }

        Stage = PipelineStage.Candidate;
        CandidateOn = on;
    }

    /// <summary>Admitted as a probationary member (接收为预备党员) with two full members as sponsors.</summary>
    public Member Admit(DateOnly? on, IReadOnlyCollection<Member> sponsors, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "on", CommunityTime.DateOf(now));
        validation.Require(sponsors.Count == 2, "sponsorMemberIds", ValidationFailure.Count(2, 2, "must name exactly two full members (入党介绍人)."));
        validation.ThrowIfInvalid();
        RequireStage(PipelineStage.Candidate, PipelineStage.Probationary);
        RequireNotBefore(on!.Value, CandidateOn!.Value, "becoming a development candidate");
        RequireFullMembers(sponsors, "sponsor");

        var member = Member.Admit(this, on.Value, now);
        Stage = PipelineStage.Probationary;
        AdmittedOn = on;
        ProbationEndsOn = on.Value.AddYears(1);
        SponsorMemberIds = [.. sponsors.Select(s => s.Id)];
        MemberId = member.Id;
        return member;
    }

    /// <summary>Extends probation once, by six to twelve months (延长预备期).</summary>
    public void ExtendProbation(int? months)
    {
        new Validation()
            .Require(months is >= MinExtensionMonths and <= MaxExtensionMonths, "months", ValidationFailure.Range(MinExtensionMonths, MaxExtensionMonths))
            .ThrowIfInvalid();
        RequireStage(PipelineStage.Probationary, PipelineStage.Probationary);
        if (ProbationExtended)
        {
            throw new DomainRuleViolationException("pipeline.probation-extended-once", "Probation can be extended only once.");
        }

        ProbationExtended = true;
        ProbationEndsOn = ProbationEndsOn!.Value.AddMonths(months!.Value);
    }

    /// <summary>Made a full member (按期转正) once probation — one year, or as extended — is over.</summary>
    public void BecomeFull(DateOnly? on, Member member, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "on", CommunityTime.DateOf(now));
        validation.ThrowIfInvalid();
        RequireStage(PipelineStage.Probationary, PipelineStage.Full);
        if (on < ProbationEndsOn)
        {
            throw TooEarly(
                "pipeline.probation-one-year",
                ProbationExtended ? "Full membership comes after the extended probation" : "Full membership comes after one year of probation",
                ProbationEndsOn!.Value);
        }

        RequireOwnMember(member).BecomeFull(on!.Value, now);
        Stage = PipelineStage.Full;
        FullOn = on;
    }

    /// <summary>
    /// Ends the way in: before admission the person leaves the pipeline; during probation the probationary
    /// membership is cancelled (取消预备党员资格) and the member record says so.
    /// </summary>
    public void Cancel(DateOnly? on, string? reason, Member? member, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(on, "on", CommunityTime.DateOf(now));
        validation.RequireText(reason, "reason", 500);
        validation.ThrowIfInvalid();
        if (!InProgress)
        {
            throw new DomainRuleViolationException("pipeline.stage", $"The pipeline already ended ({Stage}).");
        }

        if (Stage == PipelineStage.Probationary)
        {
            RequireOwnMember(member).CancelProbation(on!.Value, now);
        }

        Stage = PipelineStage.Cancelled;
        CancelledOn = on;
        CancellationReason = reason!.Trim();
    }

    /// <summary>The step that comes next and the earliest day it is allowed, for the pipeline overview.</summary>
    public (PipelineStage? Next, DateOnly? EarliestOn) NextStep() => Stage switch
    {
        PipelineStage.Applicant => (PipelineStage.Activist, AppliedOn),
        PipelineStage.Activist => (PipelineStage.Candidate, ActivistOn!.Value.AddYears(1)),
        PipelineStage.Candidate => (PipelineStage.Probationary, CandidateOn),
        PipelineStage.Probationary => (PipelineStage.Full, ProbationEndsOn),
        _ => (null, null),
    };


    private void RequireStage(PipelineStage expected, PipelineStage target)
    {
        if (Stage != expected)
        {
            throw new DomainRuleViolationException(
                "pipeline.order",
                $"{PipelineStageLabels.All[target]} follows {PipelineStageLabels.All[expected]}; this person is at {PipelineStageLabels.All[Stage]}.",
                new Dictionary<string, object?> { ["currentStage"] = Stage.ToString() });
        }
    }

    private static void RequireNotBefore(DateOnly on, DateOnly previous, string what)
    {
        if (on < previous)
        {
            throw DomainValidationException.For("on", ValidationFailure.NotBefore(what, $"may not be before {what} ({previous:yyyy-MM-dd})."));
        }
    }

    private static void RequireFullMembers(IReadOnlyCollection<Member> members, string role)
    {
        if (members.FirstOrDefault(m => m.Status != MemberStatus.Full) is { } notFull)
        {
            throw new DomainRuleViolationException(
                $"pipeline.{role}-not-full-member",
                $"Every {role} must be a full member (正式党员); member {notFull.Id} is {notFull.Status}.");
        }
    }

    private static DomainRuleViolationException TooEarly(string rule, string what, DateOnly earliest)
    {
        var date = earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new(rule, $"{what}; the earliest allowed date is {date}.", new Dictionary<string, object?> { ["earliestAllowedOn"] = date });
    }

    private Member RequireOwnMember(Member? member) =>
        member is not null && member.Id == MemberId
            ? member
            : throw new ArgumentException($"The member record of applicant {Id} is {MemberId}, not {member?.Id}.", nameof(member));
}

public enum PipelineStage
{
    /// <summary>入党申请人</summary>
    Applicant,

    /// <summary>入党积极分子</summary>
    Activist,

    /// <summary>发展对象</summary>
    Candidate,

    /// <summary>预备党员</summary>
    Probationary,

    /// <summary>正式党员</summary>
    Full,

    /// <summary>已终止 (withdrawn, or probation cancelled)</summary>
    Cancelled,
}

public static class PipelineStageLabels
{
    public static readonly IReadOnlyDictionary<PipelineStage, string> All = new Dictionary<PipelineStage, string>
    {
        [PipelineStage.Applicant] = "入党申请人",
        [PipelineStage.Activist] = "入党积极分子",
        [PipelineStage.Candidate] = "发展对象",
        [PipelineStage.Probationary] = "预备党员",
        [PipelineStage.Full] = "正式党员",
        [PipelineStage.Cancelled] = "已终止",
    };
}

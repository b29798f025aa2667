using System.Linq.Expressions;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>A party member (党员) of one of the community's organisations.</summary>
public sealed class Member : AggregateRoot
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

    /// <summary>Personal data: never logged, never on the bus, sealed at rest.</summary>
    [Sealed]
    public string? Phone { get; private set; }

    public string OrganisationCode { get; private set; } = "";

    /// <summary>The grid (网格) the member lives in.</summary>
    public string GridCode { get; private set; } = "";

    public MemberStatus Status { get; private set; }

    /// <summary>The day the current status took effect (admission, full membership, transfer, death).</summary>
    public DateOnly? StatusSince { get; private set; }

    /// <summary>The day the person became a full member (转正), from which party standing (党龄) counts.</summary>
    public DateOnly? JoinedOn { get; private set; }

    /// <summary>Where the member's organisational relationship was transferred to (组织关系转出).</summary>
    public string? TransferredTo { get; private set; }

    /// <summary>Flagged as a reserve cadre (后备干部) since this day.</summary>
    public DateOnly? ReserveCadreSince { get; private set; }

    /// <summary>The post the reserve cadre is prepared for.</summary>
    public string? ReserveCadrePost { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// The statuses of a member who belongs to one of the community's organisations (在册党员): the register's
    /// figures, its lists and every rule on active members read this one list.
    /// </summary>
    public static readonly IReadOnlyList<MemberStatus> ActiveStatuses = [MemberStatus.Full, MemberStatus.Probationary];

    /// <summary>Active members flagged as reserve cadres (the flag is cleared when a member leaves, this holds regardless).</summary>
    public static readonly Expression<Func<Member, bool>> IsReserveCadre = m => ActiveStatuses.Contains(m.Status) && m.ReserveCadreSince != null;

    /// <summary>True while the member belongs to one of the community's organisations.</summary>
    public bool IsActive => ActiveStatuses.Contains(Status);

    /// <summary>Members in <paramref name="cohort"/> on <paramref name="day"/>, by the birth-date bounds every age rule uses.</summary>
    public static Expression<Func<Member, bool>> InCohort(AgeCohort cohort, DateOnly day)
    {
        var (bornAfter, bornOnOrBefore) = AgeCohorts.BirthDates(cohort, day);
        return m => (bornAfter == null || m.BirthDate > bornAfter) && (bornOnOrBefore == null || m.BirthDate <= bornOnOrBefore);
    }

    public int AgeOn(DateOnly day) => AgeCohorts.Age(BirthDate, day);

    /// <summary>Registers a member after checking every field.</summary>
    public static Member Register(
        string? name, string? gender, DateOnly? birthDate, string? education, string? phone,
        string? organisationCode, string? gridCode, DateTimeOffset now, DateOnly? joinedOn = null)
    {
        var validation = new Validation();
        var details = PersonalDetails.Check(validation, name, gender, birthDate, education, phone, gridCode, now);
        validation.RequireText(organisationCode, "organisationCode", CodeMaxLength);
        validation.Require(joinedOn is null || joinedOn <= CommunityTime.DateOf(now), "joinedOn", ValidationFailure.NotFuture());
        validation.Require(joinedOn is null || birthDate is null || joinedOn >= birthDate.Value.AddYears(18), "joinedOn", ValidationFailure.Of(ValidationCodes.Age, "must be on or after the member's 18th birthday."));
        validation.ThrowIfInvalid();

        var member = new Member
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = organisationCode!.Trim(),
            Status = MemberStatus.Full,
            StatusSince = joinedOn,
            JoinedOn = joinedOn,
            RegisteredAt = now,
        };
        member.Apply(details!);
        member.RaiseRegistered(now);
        return member;
    }

    /// <summary>
    /// A candidate admitted as a probationary member (预备党员) at the end of the development pipeline.
    /// </summary>
    internal static Member Admit(Applicant applicant, DateOnly admittedOn, DateTimeOffset now)
    {
        var member = new Member
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = applicant.OrganisationCode,
            Status = MemberStatus.Probationary,
            StatusSince = admittedOn,
            RegisteredAt = now,
        };
        member.Apply(applicant.Details);
        member.RaiseRegistered(now);
        return member;
    }

    /// <summary>Corrects the member's own details; the organisation changes only by a move.</summary>
    public void Update(string? name, string? gender, DateOnly? birthDate, string? education, string? phone, string? gridCode, DateTimeOffset now)
    {
        var validation = new Validation();
        var details = PersonalDetails.Check(validation, name, gender, birthDate, education, phone, gridCode, now);
        validation.Require(JoinedOn is null || birthDate is null || JoinedOn >= birthDate.Value.AddYears(18), "birthDate", ValidationFailure.Of(ValidationCodes.Age, "must be at least 18 years before the day the member joined."));
        validation.ThrowIfInvalid();
        Apply(details!);
    }

    private void Apply(PersonalDetails details)
    {
        Name = details.Name;
        Gender = details.Gender;
        BirthDate = details.BirthDate;
        Education = details.Education;
        Phone = details.Phone;
        GridCode = details.GridCode;
    }

    private void RaiseRegistered(DateTimeOffset now) => Raise(new MemberRegistered
    {
        EventId = Guid.CreateVersion7(now),
        OccurredAt = now,
        MemberId = Id,
        OrganisationCode = OrganisationCode,
        GridCode = GridCode,
    });

    /// <summary>Moves the member to another of the community's organisations, keeping the move as history.</summary>
    public OrganisationMove MoveTo(Organisation target, DateOnly? movedOn, string? reason, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(movedOn, "movedOn", CommunityTime.DateOf(now));
        validation.RequireMaxLength(reason?.Trim(), "reason", 200);
        validation.ThrowIfInvalid();
        RequireActive("move");
        if (target.Code == OrganisationCode)
        {
            throw new DomainRuleViolationException("member.same-organisation", $"The member already belongs to {target.Code}.");
        }

        var move = OrganisationMove.Record(Id, OrganisationCode, target.Code, movedOn!.Value, reason?.Trim(), now);
        OrganisationCode = target.Code;
        return move;
    }

    /// <summary>The member's organisational relationship leaves the community (组织关系转出).</summary>
    public void TransferOut(DateOnly? transferredOn, string? destination, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(transferredOn, "transferredOn", CommunityTime.DateOf(now));
        validation.RequireText(destination, "destination", 200);
        validation.ThrowIfInvalid();
        RequireActive("transfer out");
        TransferredTo = destination!.Trim();
        ChangeStatus(MemberStatus.TransferredOut, transferredOn!.Value, now);
    }

    public void MarkDeceased(DateOnly? diedOn, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(diedOn, "diedOn", CommunityTime.DateOf(now));
        validation.Require(diedOn is null || diedOn >= BirthDate, "diedOn", ValidationFailure.NotBefore("the birth date", "may not be before the birth date."));
        validation.ThrowIfInvalid();
        if (Status == MemberStatus.Deceased)
        {
            throw new DomainRuleViolationException("member.status", "The member is already recorded as deceased.");
        }

        ChangeStatus(MemberStatus.Deceased, diedOn!.Value, now);
    }

    internal void BecomeFull(DateOnly on, DateTimeOffset now)
    {
        RequireProbationary("make them a full member");
        JoinedOn = on;
        ChangeStatus(MemberStatus.Full, on, now);
    }

    internal void CancelProbation(DateOnly on, DateTimeOffset now)
    {
        RequireProbationary("cancel their probation");
        ChangeStatus(MemberStatus.ProbationCancelled, on, now);
    }

    /// <summary>The pipeline's last steps apply only while the member record is still probationary (not transferred out or deceased).</summary>
    private void RequireProbationary(string action)
    {
        if (Status != MemberStatus.Probationary)
        {
            throw new DomainRuleViolationException(
                "member.status", $"Cannot {action}: the member's status is {Status} since {StatusSince:yyyy-MM-dd}, not Probationary.");
        }
    }

    /// <summary>Flags the member as a reserve cadre (后备干部) prepared for <paramref name="post"/>.</summary>
    public void FlagReserveCadre(DateOnly? since, string? post, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(since, "since", CommunityTime.DateOf(now));
        validation.RequireText(post, "preparedFor", 100);
        validation.ThrowIfInvalid();
        RequireActive("flag as a reserve cadre");
        ReserveCadreSince = since;
        ReserveCadrePost = post!.Trim();
    }

    public void UnflagReserveCadre()
    {
        if (ReserveCadreSince is null)
        {
            throw new DomainRuleViolationException("member.not-reserve-cadre", "The member is not flagged as a reserve cadre.");
        }

        ReserveCadreSince = null;
        ReserveCadrePost = null;
    }

    private void RequireActive(string action)
    {
        if (!IsActive)
        {
            throw new DomainRuleViolationException(
                "member.inactive", $"Cannot {action}: the member's status is {Status} since {StatusSince:yyyy-MM-dd}.");
        }
    }

    private void ChangeStatus(MemberStatus status, DateOnly on, DateTimeOffset now)
    {
        var previous = Status;
        Status = status;
        StatusSince = on;
        if (!IsActive)
        {
            ReserveCadreSince = null;
            ReserveCadrePost = null;
        }

        Raise(new MemberStatusChanged
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            MemberId = Id,
            GridCode = GridCode,
            PreviousStatus = previous.ToString(),
            Status = status.ToString(),
            Active = IsActive,
            EffectiveOn = on,
        });
    }
}

public enum MemberStatus
{
    /// <summary>正式党员</summary>
    Full,

    /// <summary>预备党员</summary>
    Probationary,

    /// <summary>取消预备党员资格</summary>
    ProbationCancelled,

    /// <summary>组织关系转出</summary>
    TransferredOut,

    /// <summary>去世</summary>
    Deceased,
}

public static class MemberStatusLabels
{
    public static readonly IReadOnlyDictionary<MemberStatus, string> All = new Dictionary<MemberStatus, string>
    {
        [MemberStatus.Full] = "正式党员",
        [MemberStatus.Probationary] = "预备党员",
        [MemberStatus.ProbationCancelled] = "取消预备党员资格",
        [MemberStatus.TransferredOut] = "组织关系转出",
        [MemberStatus.Deceased] = "去世",
    };
}

using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A party organisation (党组织) in the community's tree: the general branch (党总支), its branches (党支部) and
/// their party groups (党小组).
/// </summary>
public sealed class Organisation
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 100;

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public string? ParentCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The founding date, or for an organisation founded before its records were kept here the day its ledger starts
    /// (台账起始日). Cadences are judged from it, not from the day it was entered into the system.
    /// </summary>
    public DateOnly FoundedOn { get; private set; }

    /// <summary>When the current committee was elected (换届选举); the term runs from here.</summary>
    public DateOnly? TermStartedOn { get; private set; }

    /// <param name="foundedOn">The founding date or ledger start; without one, the day it is entered.</param>
    public static Organisation Create(string? code, string? name, string? kind, Organisation? parent, DateTimeOffset now, DateOnly? foundedOn = null)
    {
        var today = CommunityTime.DateOf(now);
        var validation = new Validation();
        validation.RequireText(code, "code", CodeMaxLength);
        validation.RequireText(name, "name", NameMaxLength);
        var parsedKind = validation.RequireOneOf(kind, "kind", OrganisationKindLabels.All);
        validation.RequireDateNotAfter(foundedOn ?? today, "foundedOn", today);
        validation.ThrowIfInvalid();

        var allowedParent = parsedKind switch
        {
            OrganisationKind.GeneralBranch => (OrganisationKind?)null,
            OrganisationKind.Branch => OrganisationKind.GeneralBranch,
            _ => OrganisationKind.Branch,
        };
        // A branch may stand alone; a party group always sits in a branch; a general branch is the root.
        var parentFits = parsedKind switch
        {
            OrganisationKind.GeneralBranch => parent is null,
            OrganisationKind.Branch => parent is null || parent.Kind == OrganisationKind.GeneralBranch,
            _ => parent?.Kind == OrganisationKind.Branch,
        };
        if (!parentFits)
        {
            throw new DomainRuleViolationException(
                "organisation.parent-kind",
                allowedParent is { } expected
                    ? $"A {OrganisationKindLabels.All[parsedKind!.Value]} must sit under a {OrganisationKindLabels.All[expected]}."
                    : $"A {OrganisationKindLabels.All[parsedKind!.Value]} is the root of the tree and has no parent.");
        }

        return new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Code = code!.Trim(),
            Name = name!.Trim(),
            Kind = parsedKind!.Value,
            ParentCode = parent?.Code,
            CreatedAt = now,
            FoundedOn = foundedOn ?? today,
        };
    }

    /// <summary>Corrects the founding date (or ledger start), e.g. once the founding papers are found.</summary>
    public void ChangeFoundedOn(DateOnly? foundedOn, DateOnly today)
    {
        new Validation().RequireDateNotAfter(foundedOn, "foundedOn", today).ThrowIfInvalid();
        FoundedOn = foundedOn!.Value;
    }

    /// <summary>The day cadences are judged from: <paramref name="since"/>, but never before the organisation was founded.</summary>
    public DateOnly CadenceJudgedFrom(DateOnly since) => since > FoundedOn ? since : FoundedOn;

    /// <summary>
    /// The whole periods of <paramref name="cadence"/> from <see cref="CadenceJudgedFrom"/> that ended before
    /// <paramref name="asOf"/> without one of <paramref name="heldOn"/>; none for an organisation the cadences do not bind.
    /// </summary>
    public IReadOnlyList<CadenceWindow> MissedPeriods(Cadence cadence, IEnumerable<DateOnly> heldOn, DateOnly since, DateOnly asOf) =>
        Cadence.Applies(Kind) ? cadence.MissedPeriods(heldOn, CadenceJudgedFrom(since), asOf) : [];

    /// <summary>Records the election of a new committee (换届), which starts a new term.</summary>
    public void RecordElection(DateOnly? heldOn, DateOnly today)
    {
        new Validation().RequireDateNotAfter(heldOn, "heldOn", today).ThrowIfInvalid();
        if (TermStartedOn is { } current && heldOn < current)
        {
            throw new DomainRuleViolationException(
                "organisation.election-order", $"The current term already started on {current:yyyy-MM-dd}; an election cannot predate it.");
        }

        TermStartedOn = heldOn;
    }

    /// <summary>The last day of the current term, when a committee has been elected.</summary>
    public DateOnly? TermEndsOn(int termYears) => TermStartedOn?.AddYears(termYears).AddDays(-1);
}

public enum OrganisationKind
{
    /// <summary>党总支</summary>
    GeneralBranch,

    /// <summary>党支部</summary>
    Branch,

    /// <summary>党小组</summary>
    PartyGroup,
}

public static class OrganisationKindLabels
{
    public static readonly IReadOnlyDictionary<OrganisationKind, string> All = new Dictionary<OrganisationKind, string>
    {
        [OrganisationKind.GeneralBranch] = "党总支",
        [OrganisationKind.Branch] = "党支部",
        [OrganisationKind.PartyGroup] = "党小组",
    };
}

/// <summary>A member's move from one organisation to another (组织关系调整), kept as history.</summary>
public sealed class OrganisationMove
{
    private OrganisationMove()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string FromCode { get; private set; } = "";

    public string ToCode { get; private set; } = "";

    public DateOnly MovedOn { get; private set; }

    public string? Reason { get; private set; }

    internal static OrganisationMove Record(Guid memberId, string from, string to, DateOnly movedOn, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MemberId = memberId,
        FromCode = from,
        ToCode = to,
        MovedOn = movedOn,
        Reason = reason,
    };
}

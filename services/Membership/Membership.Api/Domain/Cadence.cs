namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// How often a kind of meeting must be held by a branch or general branch (三会一课 and 主题党日): committee
/// meeting and theme party day monthly, the general meeting of members and the party lecture quarterly. Each
/// calendar period must hold at least one; a period that ended without one is missed.
/// </summary>
public sealed record Cadence(MeetingKind Kind, CadencePeriod Period)
{
    public static readonly IReadOnlyList<Cadence> Rules =
    [
        new(MeetingKind.CommitteeMeeting, CadencePeriod.Month),
        new(MeetingKind.ThemePartyDay, CadencePeriod.Month),
        new(MeetingKind.GeneralMeeting, CadencePeriod.Quarter),
        new(MeetingKind.PartyLecture, CadencePeriod.Quarter),
    ];

    /// <summary>The organisations the cadences bind: those with a committee and members' meetings.</summary>
    public static bool Applies(OrganisationKind kind) => kind is OrganisationKind.GeneralBranch or OrganisationKind.Branch;

    /// <summary>
    /// The periods that ended before <paramref name="asOf"/>, started on or after <paramref name="since"/>, and
    /// held none of <paramref name="heldOn"/>.
    /// </summary>
    public IReadOnlyList<CadenceWindow> MissedPeriods(IEnumerable<DateOnly> heldOn, DateOnly since, DateOnly asOf)
    {
        var held = heldOn.ToList();
        var missed = new List<CadenceWindow>();
        // Only whole periods are judged: one that started before `since` (or before the organisation existed)
        // is not, and neither is the one still running.
        for (var window = FirstWholeWindow(since); window.End < asOf; window = window.Next())
        {
            if (!held.Any(window.Contains))
            {
                missed.Add(window);
            }
        }

        return missed;
    }

    /// <summary>The period running on <paramref name="asOf"/>.</summary>
    public CadenceWindow Current(DateOnly asOf) => CadenceWindow.Containing(Period, asOf);

    private CadenceWindow FirstWholeWindow(DateOnly since)
    {
        var window = CadenceWindow.Containing(Period, since);
        return window.Start < since ? window.Next() : window;
    }
}

public enum CadencePeriod
{
    Month,
    Quarter,
}

/// <summary>One calendar month or quarter.</summary>
public readonly record struct CadenceWindow(CadencePeriod Period, DateOnly Start)
{
    public DateOnly End => (Period == CadencePeriod.Month ? Start.AddMonths(1) : Start.AddMonths(3)).AddDays(-1);

    /// <summary>2026-07 for a month, 2026-Q3 for a quarter.</summary>
    public string Label => Period == CadencePeriod.Month ? $"{Start:yyyy-MM}" : $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}";

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public CadenceWindow Next() => new(Period, End.AddDays(1));

    public static CadenceWindow Containing(CadencePeriod period, DateOnly day) => period == CadencePeriod.Month
        ? new(period, new DateOnly(day.Year, day.Month, 1))
        : new(period, new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1));
}

using System.Globalization;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>A session of the deliberation room (常青说事室) or a building meeting on a matter, with its decision.</summary>
public sealed class DeliberationSession
{
    private DeliberationSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid MatterId { get; private set; }

    public DeliberationVenue Venue { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>Who took part, as the minutes name them (personal data).</summary>
    public string[] Participants { get; private set; } = [];

    public string Minutes { get; private set; } = "";

    public string Decision { get; private set; } = "";

    /// <summary>Sessions held on one of <paramref name="days"/>, by the day the minutes give.</summary>
    public static IQueryable<DeliberationSession> HeldWithin(IQueryable<DeliberationSession> sessions, DayRange days) =>
        sessions.Where(days.Covers<DeliberationSession>(s => s.HeldOn));

    public static DeliberationSession Record(
        Matter matter, string? venue, DateOnly? heldOn, IReadOnlyList<string>? participants, string? minutes, string? decision, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedVenue = validation.RequireOneOf(venue, "venue", DeliberationVenues.All);
        validation.RequireDateNotAfter(heldOn, "heldOn", CommunityTime.DateOf(now));
        validation.Require(heldOn is null || heldOn >= CommunityTime.DateOf(matter.ReportedAt), "heldOn", ValidationFailure.NotBefore("the matter was reported", "may not be before the matter was reported."));
        validation.Require(participants is { Count: >= 2 and <= 200 }, "participants", ValidationFailure.Count(2, 200, "must name between 2 and 200 participants."));
        validation.Require(participants is null || participants.All(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= 50), "participants", ValidationFailure.ItemLength(50, "names must be non-blank and at most 50 characters."));
        validation.RequireText(minutes, "minutes", 10_000);
        validation.RequireText(decision, "decision", 1000);
        validation.ThrowIfInvalid();
        return new DeliberationSession
        {
            Id = Guid.CreateVersion7(now), MatterId = matter.Id, Venue = parsedVenue!.Value, HeldOn = heldOn!.Value,
            Participants = [.. participants!.Select(p => p.Trim())], Minutes = minutes!.Trim(), Decision = decision!.Trim(),
        };
    }
}

public enum DeliberationVenue
{
    /// <summary>常青说事室</summary>
    DeliberationRoom,

    /// <summary>楼栋议事会</summary>
    BuildingMeeting,
}

public static class DeliberationVenues
{
    public static readonly IReadOnlyDictionary<DeliberationVenue, string> All = new Dictionary<DeliberationVenue, string>
    {
        [DeliberationVenue.DeliberationRoom] = "常青说事室",
        [DeliberationVenue.BuildingMeeting] = "楼栋议事会",
    };
}

/// <summary>
/// A building vote on a decision such as an elevator retrofit (加装电梯): one vote per eligible household, passed
/// when the consenting households reach the threshold share of all eligible ones (not only of those who voted).
/// </summary>
public sealed class BuildingVote
{
    private readonly List<Ballot> _ballots = [];

    private BuildingVote()
    {
    }

    public Guid Id { get; private set; }

    public Guid MatterId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string Question { get; private set; } = "";

    /// <summary>The share of eligible households that must consent, as a fraction (e.g. 2/3), compared exactly.</summary>
    public int ThresholdNumerator { get; private set; }

    public int ThresholdDenominator { get; private set; }

    /// <summary>The households entitled to vote, fixed when the vote opens.</summary>
    public Guid[] EligibleHouseholdIds { get; private set; } = [];

    public IReadOnlyList<Ballot> Ballots => _ballots;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Null while open; then whether the consents reached the threshold.</summary>
    public bool? Passed { get; private set; }

    public int Consents => _ballots.Count(b => b.Consent);

    public static BuildingVote Open(
        Matter matter, Building building, IReadOnlyList<Guid> householdsOfBuilding, string? question, string? threshold, string defaultThreshold, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(question, "question", 200);
        var share = ParseShare(threshold ?? defaultThreshold);
        validation.Require(share is not null, "consentThreshold", ValidationFailure.Format("n/d", "must be a fraction of households such as 2/3 or 3/4 (numerator 1 to the denominator, denominator at most 100)."));
        validation.ThrowIfInvalid();
        if (householdsOfBuilding.Count == 0)
        {
            throw new DomainRuleViolationException("vote.no-households", "The building has no households to vote; register them first.");
        }

        return new BuildingVote
        {
            Id = Guid.CreateVersion7(now), MatterId = matter.Id, BuildingId = building.Id, Question = question!.Trim(),
            ThresholdNumerator = share!.Value.Numerator, ThresholdDenominator = share.Value.Denominator,
            EligibleHouseholdIds = [.. householdsOfBuilding], OpenedAt = now,
        };
    }

    /// <summary>Records a household's vote; a household votes once, and only if it is eligible.</summary>
    public Ballot Cast(Guid householdId, bool? consent, DateTimeOffset now)
    {
        new Validation().RequireGiven(consent, "consent", "is required (true to consent, false to object).").ThrowIfInvalid();
        if (Passed is not null)
        {
            throw new DomainRuleViolationException("vote.closed", "The vote is closed.");
        }

        if (!EligibleHouseholdIds.Contains(householdId))
        {
            throw new DomainRuleViolationException("vote.household-not-eligible", "The household is not in the building this vote is for.");
        }

        if (_ballots.Any(b => b.HouseholdId == householdId))
        {
            throw new DomainRuleViolationException("vote.already-voted", "The household has already voted.");
        }

        var ballot = new Ballot(Id, householdId, consent!.Value, now);
        _ballots.Add(ballot);
        return ballot;
    }

    /// <summary>Closes the vote and decides it against the threshold.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Passed is not null)
        {
            throw new DomainRuleViolationException("vote.closed", "The vote is already closed.");
        }

        ClosedAt = now;
        Passed = Reaches(Consents, EligibleHouseholdIds.Length, ThresholdNumerator, ThresholdDenominator);
        return Passed.Value;
    }

    /// <summary>True when consents / eligible ≥ numerator / denominator, in whole numbers so 6 of 9 is two thirds.</summary>
    public static bool Reaches(int consents, int eligible, int numerator, int denominator) =>
        eligible > 0 && (long)consents * denominator >= (long)numerator * eligible;

    /// <summary>Parses "2/3"; null unless 0 &lt; numerator ≤ denominator ≤ 100.</summary>
    public static (int Numerator, int Denominator)? ParseShare(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var numerator) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var denominator)
            && numerator > 0 && numerator <= denominator && denominator <= 100
            ? (numerator, denominator)
            : null;
    }
}

public sealed record Ballot(Guid VoteId, Guid HouseholdId, bool Consent, DateTimeOffset CastAt);

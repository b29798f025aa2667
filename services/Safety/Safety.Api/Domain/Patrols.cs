using System.Globalization;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>What a patrol (巡查) watches for.</summary>
public enum PatrolKind
{
    ForestFire,
    Environment,
    Flood,
    Drowning,
    Fire,
    General,
}

public static class PatrolKinds
{
    public static readonly IReadOnlyDictionary<PatrolKind, string> Labels =
        Enum.GetValues<PatrolKind>().ToDictionary(kind => kind, kind => PatrolKindLabels.ByCode[kind.ToString()]);
}

/// <summary>
/// A recurring patrol schedule (巡查计划): at least <see cref="TimesPerMonth"/> patrols of a kind each calendar
/// month in a grid, or at one venue of it (a pond in the drowning season, a slope in the flood season).
/// </summary>
public sealed class PatrolPlan
{
    private PatrolPlan()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public Guid? VenueId { get; private set; }

    public PatrolKind Kind { get; private set; }

    public int TimesPerMonth { get; private set; }

    /// <summary>
    /// The first day the plan applies. The month it falls in is judged whole, patrols before that day included: a
    /// quota is a month's, and a plan made mid-month usually writes down what the grid already does.
    /// </summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day, for a seasonal plan (汛期, 防火期); none for a standing one.</summary>
    public DateOnly? EndsOn { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static PatrolPlan Create(string gridCode, Venue? venue, string? kind, int? timesPerMonth, DateOnly? startsOn, DateOnly? endsOn, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedKind = validation.RequireOneOf(kind, "kind", PatrolKinds.Labels);
        validation.Require(timesPerMonth is >= 1 and <= 31, "timesPerMonth", ValidationFailure.Range(1, 31));
        validation.RequireGiven(startsOn, "startsOn", "is required (yyyy-MM-dd).");
        validation.Require(endsOn is null || startsOn is null || endsOn >= startsOn, "endsOn", ValidationFailure.NotBefore("startsOn"));
        validation.Require(venue is null || venue.GridCode == gridCode, "venueId", ValidationFailure.NotFound("must be a venue in the plan's grid."));
        validation.ThrowIfInvalid();
        return new PatrolPlan
        {
            Id = Guid.CreateVersion7(now),
            GridCode = gridCode,
            VenueId = venue?.Id,
            Kind = parsedKind!.Value,
            TimesPerMonth = timesPerMonth!.Value,
            StartsOn = startsOn!.Value,
            EndsOn = endsOn,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    /// <summary>Ends the plan on <paramref name="lastDay"/>; months after it are no longer judged.</summary>
    public void End(DateOnly lastDay)
    {
        new Validation().Require(lastDay >= StartsOn, "endsOn", ValidationFailure.NotBefore("the plan's first day", "must not be before the plan's first day.")).ThrowIfInvalid();
        EndsOn = lastDay;
    }

    /// <summary>True when the plan covers at least part of <paramref name="month"/>.</summary>
    public bool Covers(PatrolMonth month) => StartsOn <= month.Last && (EndsOn is null || EndsOn >= month.First);

    /// <summary>True when a patrol counts towards this plan.</summary>
    public bool Counts(Patrol patrol) =>
        patrol.GridCode == GridCode && patrol.Kind == Kind && (VenueId is null || patrol.VenueId == VenueId);

    /// <summary>How the plan fared in <paramref name="month"/>, given the patrols held in it.</summary>
    public QuotaAttainment Attainment(PatrolMonth month, IEnumerable<Patrol> patrolsInMonth, DateOnly today) =>
        new(Id, GridCode, VenueId, Kind, month.ToString(), TimesPerMonth,
            patrolsInMonth.Count(p => Counts(p) && month.Contains(CommunityTime.DateOf(p.PatrolledAt))),
            Finished: month.Last < today);
}

/// <summary>How many patrols a plan required in a month and how many were held. Missed only once the month is over.</summary>
public sealed record QuotaAttainment(Guid PlanId, string GridCode, Guid? VenueId, PatrolKind Kind, string Month, int Required, int Held, bool Finished)
{
    public bool Attained => Held >= Required;

    public bool Missed => Finished && !Attained;
}

/// <summary>A calendar month of the community's calendar, written yyyy-MM.</summary>
public readonly record struct PatrolMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public PatrolMonth Previous => Of(First.AddDays(-1));

    public PatrolMonth Next => Of(First.AddMonths(1));

    public static PatrolMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static PatrolMonth? Parse(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Of(day) : null;

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>A patrol (巡查) someone walked, with what they found.</summary>
public sealed class Patrol
{
    private Patrol()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public Guid? VenueId { get; private set; }

    public PatrolKind Kind { get; private set; }

    public DateTimeOffset PatrolledAt { get; private set; }

    /// <summary>The route or places covered (巡查路线).</summary>
    public string? Route { get; private set; }

    /// <summary>What was found; "未发现异常" when nothing.</summary>
    public string Findings { get; private set; } = "";

    public int Participants { get; private set; }

    public string[] Photos { get; private set; } = [];

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static Patrol Record(string gridCode, Venue? venue, PatrolRecord record, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        var kind = validation.RequireOneOf(record.Kind, "kind", PatrolKinds.Labels);
        validation.RequireGiven(record.PatrolledAt, "patrolledAt");
        validation.Require(record.PatrolledAt is null || record.PatrolledAt <= now.AddMinutes(5), "patrolledAt", ValidationFailure.NotFuture());
        validation.RequireMaxLength(record.Route?.Trim(), "route", 300);
        validation.RequireMaxLength(record.Findings?.Trim(), "findings", 1000);
        validation.RequireRange(record.Participants, "participants", 1, 200);
        validation.Require(venue is null || venue.GridCode == gridCode, "venueId", ValidationFailure.NotFound("must be a venue in the patrol's grid."));
        validation.RequirePhotoReferences(record.Photos, "photos");
        validation.ThrowIfInvalid();
        return new Patrol
        {
            Id = Guid.CreateVersion7(now),
            GridCode = gridCode,
            VenueId = venue?.Id,
            Kind = kind!.Value,
            // A phone sends local time (+08:00); the database takes instants in UTC only.
            PatrolledAt = record.PatrolledAt!.Value,
            Route = record.Route?.Trim(),
            Findings = string.IsNullOrWhiteSpace(record.Findings) ? "未发现异常" : record.Findings.Trim(),
            Participants = record.Participants ?? 1,
            Photos = [.. (record.Photos ?? []).Select(p => p.Trim())],
            RecordedBy = actor,
            RecordedAt = now,
        };
    }
}

public sealed record PatrolRecord(string? Kind, DateTimeOffset? PatrolledAt, string? Route, string? Findings, int? Participants, IReadOnlyList<string>? Photos);

/// <summary>
/// The verdict on one plan's month once it is over, written once (a unique key on plan and month) so the missed
/// quota is published exactly once however many times or replicas the check runs.
/// </summary>
public sealed class QuotaJudgement : AggregateRoot
{
    private QuotaJudgement()
    {
    }

    public Guid PlanId { get; private set; }

    public string Month { get; private set; } = "";

    public int Required { get; private set; }

    public int Held { get; private set; }

    public bool Missed { get; private set; }

    public DateTimeOffset JudgedAt { get; private set; }

    /// <summary>The verdict on a month, announcing <c>PatrolQuotaMissed</c> when it fell short.</summary>
    public static QuotaJudgement Of(QuotaAttainment attainment, DateTimeOffset now)
    {
        var judgement = new QuotaJudgement
        {
            PlanId = attainment.PlanId,
            Month = attainment.Month,
            Required = attainment.Required,
            Held = attainment.Held,
            Missed = attainment.Missed,
            JudgedAt = now,
        };
        if (attainment.Missed)
        {
            judgement.Raise(new PatrolQuotaMissed
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, GridCode = attainment.GridCode, PatrolKind = attainment.Kind.ToString(),
                Month = attainment.Month, Required = attainment.Required, Held = attainment.Held,
            });
        }

        return judgement;
    }
}

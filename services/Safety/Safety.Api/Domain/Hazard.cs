using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// A hazard (隐患) a failed checklist item found, and its rectification (整改): open → rectifying → submitted →
/// re-inspected and closed, or reopened when the re-inspection fails. Every step is kept in its timeline.
/// </summary>
public sealed class Hazard : AggregateRoot
{
    private Hazard()
    {
    }

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public string VenueName { get; private set; } = "";

    public VenueKind VenueKind { get; private set; }

    public string GridCode { get; private set; } = "";

    public Guid InspectionId { get; private set; }

    /// <summary>The checklist item that failed.</summary>
    public int ItemNumber { get; private set; }

    public HazardCategory Category { get; private set; }

    /// <summary>What is wrong: the checklist question that failed.</summary>
    public string Summary { get; private set; } = "";

    public string? Notes { get; private set; }

    public string[] Photos { get; private set; } = [];

    public HazardSeverity Severity { get; private set; }

    /// <summary>Who must rectify it (整改责任人): the venue's owner as registered, or the venue itself.</summary>
    public string ResponsibleParty { get; private set; } = "";

    public DateOnly Deadline { get; private set; }

    public HazardStatus Status { get; private set; }

    public Guid? CampaignId { get; private set; }

    /// <summary>The rectification measures (整改措施) the responsible party committed to.</summary>
    public string? Measures { get; private set; }

    /// <summary>The evidence of the rectification as submitted.</summary>
    public string[] RectificationPhotos { get; private set; } = [];

    /// <summary>The deadline for which <see cref="HazardOverdue"/> was last published; one event per hazard and deadline.</summary>
    public DateOnly? OverdueNotifiedFor { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Changes with every step: the overdue check and a person's step must not overwrite each other.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public List<HazardStep> Timeline { get; private set; } = [];

    /// <summary>Every status but closed (已销号): the hazard is not yet rectified and re-inspected, whatever step it is at.</summary>
    public static readonly IReadOnlyList<HazardStatus> OpenStatuses = [.. Enum.GetValues<HazardStatus>().Where(s => s != HazardStatus.Closed)];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>Hazards found on one of <paramref name="days"/>: the report's hazards are those found in its period.</summary>
    public static IQueryable<Hazard> FoundWithin(IQueryable<Hazard> hazards, DayRange days) => hazards.Where(days.Covers<Hazard>(h => h.FoundAt));

    /// <summary>Hazards still open (<paramref name="open"/> true) or closed.</summary>
    public static IQueryable<Hazard> Open(IQueryable<Hazard> hazards, bool open) => hazards.Where(h => OpenStatuses.Contains(h.Status) == open);

    /// <summary>Overdue (逾期未整改): not closed and past its deadline, on the day given; for the ledger, the campaigns, the figures and the check.</summary>
    public static readonly DayRule<Hazard> Overdue = new((h, today) => h.Status != HazardStatus.Closed && h.Deadline < today);

    public bool IsOverdue(DateOnly today) => Overdue.Holds(this, today);

    internal static Hazard Open(Inspection inspection, Venue venue, InspectionAnswer answer, DateOnly deadline, DateTimeOffset now)
    {
        var hazard = new Hazard
        {
            Id = Guid.CreateVersion7(now),
            VenueId = venue.Id,
            VenueName = venue.Name,
            VenueKind = venue.Kind,
            GridCode = venue.GridCode,
            InspectionId = inspection.Id,
            ItemNumber = answer.Number,
            Category = answer.Category,
            Summary = answer.Question,
            Notes = answer.Notes,
            Photos = answer.Photos,
            Severity = answer.Severity ?? answer.SeverityIfFailed,
            ResponsibleParty = venue.OwnerName ?? venue.Name,
            Deadline = deadline,
            Status = HazardStatus.Open,
            CampaignId = inspection.CampaignId,
            FoundAt = now,
        };
        hazard.Record(HazardStatus.Open, $"检查发现，整改期限 {deadline:yyyy-MM-dd}", inspection.InspectorId, now);
        hazard.Raise(new HazardReported
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            HazardId = hazard.Id,
            GridCode = hazard.GridCode,
            VenueId = venue.Id,
            Location = venue.Address is { Length: > 0 } address ? $"{venue.Name}（{address}）" : venue.Name,
            Summary = hazard.Summary,
            Severity = hazard.Severity.ToString(),
            Deadline = deadline,
        });
        return hazard;
    }

    /// <summary>The responsible party starts rectifying, with the measures it commits to (整改措施).</summary>
    public void StartRectification(string? measures, string actor, DateTimeOffset now)
    {
        new Validation().RequireText(measures, "measures", 500).ThrowIfInvalid();
        RequireStatus("start rectifying", HazardStatus.Open, HazardStatus.Reopened);
        Measures = measures!.Trim();
        Record(HazardStatus.Rectifying, $"开始整改：{Measures}", actor, now);
    }

    /// <summary>The rectification is reported done, with photos; a hazard fixed on the spot (立行立改) may skip straight here.</summary>
    public void SubmitRectification(string? notes, IReadOnlyList<string>? photos, string actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.Require(photos is { Count: > 0 }, "photos", ValidationFailure.MinCount("must show the rectification with at least one photo reference."));
        validation.RequirePhotoReferences(photos, "photos");
        validation.RequireMaxLength(notes?.Trim(), "notes", 500);
        validation.ThrowIfInvalid();
        RequireStatus("submit the rectification of", HazardStatus.Open, HazardStatus.Rectifying, HazardStatus.Reopened);
        RectificationPhotos = [.. photos!.Select(p => p.Trim())];
        Record(HazardStatus.Submitted, string.IsNullOrWhiteSpace(notes) ? "整改完成，提交复查" : $"整改完成，提交复查：{notes.Trim()}", actor, now);
    }

    /// <summary>
    /// An inspector re-inspects (复查) the submitted rectification. Passing closes the hazard and announces
    /// <see cref="HazardRectified"/>; failing reopens it with a new deadline (the default for its severity if none is
    /// given) and announces <see cref="HazardReopened"/>, so the grid's matter is due when the hazard is.
    /// </summary>
    public void Reinspect(bool passed, string? notes, DateOnly? newDeadline, RectificationDeadlines deadlines, string actor, DateTimeOffset now)
    {
        var today = CommunityTime.DateOf(now);
        var validation = new Validation();
        validation.RequireMaxLength(notes?.Trim(), "notes", 500);
        validation.Require(passed || !string.IsNullOrWhiteSpace(notes), "notes", ValidationFailure.Required("must say what is still wrong when the re-inspection fails."));
        validation.Require(newDeadline is null || !passed, "deadline", ValidationFailure.Of(ValidationCodes.NotAllowed, "may only be given when the re-inspection fails."));
        validation.Require(newDeadline is null || newDeadline >= today, "deadline", ValidationFailure.NotPast());
        validation.ThrowIfInvalid();
        RequireStatus("re-inspect", HazardStatus.Submitted);

        if (!passed)
        {
            Deadline = newDeadline ?? deadlines.For(Severity, today);
            Record(HazardStatus.Reopened, $"复查未通过：{notes!.Trim()}；新整改期限 {Deadline:yyyy-MM-dd}", actor, now);
            Raise(new HazardReopened { EventId = Guid.CreateVersion7(now), OccurredAt = now, HazardId = Id, GridCode = GridCode, Deadline = Deadline, ReopenedAt = now });
            return;
        }

        Record(HazardStatus.Closed, string.IsNullOrWhiteSpace(notes) ? "复查通过，销号" : $"复查通过，销号：{notes.Trim()}", actor, now);
        ClosedAt = now;
        Raise(new HazardRectified { EventId = Guid.CreateVersion7(now), OccurredAt = now, HazardId = Id, GridCode = GridCode, RectifiedAt = now });
    }

    /// <summary>Announces the hazard overdue for its current deadline, once: nothing when it is not overdue or was already announced.</summary>
    public void FlagOverdue(DateTimeOffset now)
    {
        if (!IsOverdue(CommunityTime.DateOf(now)) || OverdueNotifiedFor == Deadline)
        {
            return;
        }

        OverdueNotifiedFor = Deadline;
        Timeline = [.. Timeline, new HazardStep(now, Status, $"逾期未整改（期限 {Deadline:yyyy-MM-dd}），已上报网格", "system")];
        UpdatedAt = now;
        Raise(new HazardOverdue { EventId = Guid.CreateVersion7(now), OccurredAt = now, HazardId = Id, GridCode = GridCode, Deadline = Deadline });
    }

    private void RequireStatus(string action, params HazardStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleViolationException(
                "hazard.transition",
                $"Cannot {action} a hazard that is {Status}; allowed from {string.Join(" or ", allowed)}.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString() });
        }
    }

    private void Record(HazardStatus status, string note, string actor, DateTimeOffset now)
    {
        Status = status;
        Timeline = [.. Timeline, new HazardStep(now, status, note, actor)];
        UpdatedAt = now;
    }
}

public enum HazardStatus
{
    Open,
    Rectifying,
    Submitted,
    Reopened,
    Closed,
}

public static class HazardStatuses
{
    public static readonly IReadOnlyDictionary<HazardStatus, string> Labels = new Dictionary<HazardStatus, string>
    {
        [HazardStatus.Open] = "待整改",
        [HazardStatus.Rectifying] = "整改中",
        [HazardStatus.Submitted] = "待复查",
        [HazardStatus.Reopened] = "复查未通过",
        [HazardStatus.Closed] = "已销号",
    };
}

/// <summary>One step of a hazard's life: when, into which status, what was said, by whom.</summary>
public sealed record HazardStep(DateTimeOffset At, HazardStatus Status, string Note, string Actor);

using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// An inspection (检查) of one venue with one version of a checklist: the inspector answers every item, and
/// completing it turns each failed item into a hazard. The checklist's items are copied in when it starts, so a
/// later version of the checklist never changes what this inspection asked.
/// </summary>
public sealed class Inspection : AggregateRoot
{
    private Inspection()
    {
    }

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public string VenueName { get; private set; } = "";

    public VenueKind VenueKind { get; private set; }

    public string GridCode { get; private set; } = "";

    public Guid TemplateId { get; private set; }

    public string TemplateCode { get; private set; } = "";

    public int TemplateVersion { get; private set; }

    /// <summary>The special campaign (专项整治) it belongs to, if any.</summary>
    public Guid? CampaignId { get; private set; }

    /// <summary>The ad-hoc task (from a residents' safety matter) it answers, if any.</summary>
    public Guid? TaskId { get; private set; }

    public string InspectorId { get; private set; } = "";

    public InspectionStatus Status { get; private set; }

    public List<InspectionAnswer> Answers { get; private set; } = [];

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Changes with every answer: two inspectors answering at once must not overwrite each other's items.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Inspections completed on one of <paramref name="days"/>: those the report counts.</summary>
    public static IQueryable<Inspection> CompletedWithin(IQueryable<Inspection> inspections, DayRange days) =>
        inspections.Where(i => i.Status == InspectionStatus.Completed).Where(days.Covers<Inspection>(i => i.CompletedAt));

    public static Inspection Start(Venue venue, ChecklistTemplate template, Guid? campaignId, Guid? taskId, string inspector, DateTimeOffset now)
    {
        if (!template.AppliesTo(venue.Kind))
        {
            throw DomainValidationException.For("templateCode",
                ValidationFailure.Of(ValidationCodes.NotAllowed, $"'{template.Code}' is a checklist for {string.Join("/", template.VenueKinds.Select(k => VenueKinds.Labels[Enum.Parse<VenueKind>(k)]))}, not for {VenueKinds.Labels[venue.Kind]}."));
        }

        return new Inspection
        {
            Id = Guid.CreateVersion7(now),
            VenueId = venue.Id,
            VenueName = venue.Name,
            VenueKind = venue.Kind,
            GridCode = venue.GridCode,
            TemplateId = template.Id,
            TemplateCode = template.Code,
            TemplateVersion = template.Version,
            CampaignId = campaignId,
            TaskId = taskId,
            InspectorId = inspector,
            Status = InspectionStatus.InProgress,
            Answers = [.. template.Items.Select(InspectionAnswer.Unanswered)],
            StartedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Records (or corrects) the answer to one item while the inspection is in progress.</summary>
    public void Answer(int number, AnswerContent content, DateTimeOffset now)
    {
        var today = CommunityTime.DateOf(now);
        RequireInProgress("answer an item of");
        var index = Answers.FindIndex(a => a.Number == number);
        if (index < 0)
        {
            throw DomainValidationException.For("number", ValidationFailure.Range(1, Answers.Count, $"must be an item of this checklist (1–{Answers.Count})."));
        }

        var validation = new Validation();
        var result = validation.RequireOneOf(content.Result, "result", AnswerResults.Labels);
        validation.RequireMaxLength(content.Notes?.Trim(), "notes", 500);
        validation.RequirePhotoReferences(content.Photos, "photos");
        HazardSeverity? severity = null;
        if (content.Severity is not null)
        {
            severity = validation.RequireOneOf(content.Severity, "severity", HazardSeverities.Labels);
            validation.Require(result is AnswerResult.Fail, "severity", ValidationFailure.Of(ValidationCodes.NotAllowed, "may only be given for a failed item."));
        }

        validation.Require(content.Deadline is null || result is AnswerResult.Fail, "deadline", ValidationFailure.Of(ValidationCodes.NotAllowed, "may only be given for a failed item."));
        validation.Require(content.Deadline is null || content.Deadline >= today, "deadline", ValidationFailure.NotPast());
        validation.ThrowIfInvalid();

        Answers[index] = Answers[index] with
        {
            Result = result,
            Notes = string.IsNullOrWhiteSpace(content.Notes) ? null : content.Notes.Trim(),
            Photos = [.. (content.Photos ?? []).Select(p => p.Trim())],
            Severity = severity,
            Deadline = content.Deadline,
        };
        UpdatedAt = now;
    }

    /// <summary>
    /// Completes the inspection: every item must be answered and every failed item that needs evidence must have a
    /// photo. Each failed item opens a hazard, due by its own deadline or the default for its severity; the hazards
    /// opened are returned for the caller to add.
    /// </summary>
    public IReadOnlyList<Hazard> Complete(Venue venue, RectificationDeadlines deadlines, DateTimeOffset now)
    {
        RequireInProgress("complete");
        var unanswered = Answers.Where(a => a.Result is null).Select(a => a.Number).ToList();
        if (unanswered.Count > 0)
        {
            throw new DomainRuleViolationException("inspection.unanswered",
                $"Answer every item before completing; items {string.Join(", ", unanswered)} have no answer.",
                new Dictionary<string, object?> { ["items"] = unanswered });
        }

        var lackingEvidence = Answers.Where(a => a is { Result: AnswerResult.Fail, EvidenceRequired: true, Photos.Length: 0 }).ToList();
        if (lackingEvidence.Count > 0)
        {
            throw new DomainRuleViolationException("inspection.evidence-missing",
                $"A failed item needs a photo as evidence: {string.Join("；", lackingEvidence.Select(a => $"{a.Number}. {a.Question}"))}.",
                new Dictionary<string, object?> { ["items"] = lackingEvidence.Select(a => a.Number).ToList() });
        }

        Status = InspectionStatus.Completed;
        CompletedAt = now;
        UpdatedAt = now;
        var today = CommunityTime.DateOf(now);
        var hazards = Answers.Where(a => a.Result is AnswerResult.Fail)
            .Select(a => Hazard.Open(this, venue, a, a.Deadline ?? deadlines.For(a.Severity ?? a.SeverityIfFailed, today), now))
            .ToList();

        Raise(new InspectionCompleted
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            InspectionId = Id,
            VenueId = VenueId,
            GridCode = GridCode,
            VenueKind = VenueKind.ToString(),
            TemplateCode = TemplateCode,
            TemplateVersion = TemplateVersion,
            CampaignId = CampaignId,
            ItemsPassed = Answers.Count(a => a.Result is AnswerResult.Pass),
            ItemsFailed = hazards.Count,
            HazardsOpened = hazards.Count,
            Reinspection = false,
            CompletedAt = now,
        });
        return hazards;
    }

    private void RequireInProgress(string action)
    {
        if (Status != InspectionStatus.InProgress)
        {
            throw new DomainRuleViolationException("inspection.completed", $"Cannot {action} an inspection that is already completed.");
        }
    }
}

public enum InspectionStatus
{
    InProgress,
    Completed,
}

public static class InspectionStatuses
{
    public static readonly IReadOnlyDictionary<InspectionStatus, string> Labels = new Dictionary<InspectionStatus, string>
    {
        [InspectionStatus.InProgress] = "检查中",
        [InspectionStatus.Completed] = "已完成",
    };
}

/// <summary>合格 / 不合格 / 不适用.</summary>
public enum AnswerResult
{
    Pass,
    Fail,
    NotApplicable,
}

public static class AnswerResults
{
    public static readonly IReadOnlyDictionary<AnswerResult, string> Labels = new Dictionary<AnswerResult, string>
    {
        [AnswerResult.Pass] = "合格",
        [AnswerResult.Fail] = "不合格",
        [AnswerResult.NotApplicable] = "不适用",
    };
}

/// <summary>What the inspector enters for one item.</summary>
public sealed record AnswerContent(string? Result, string? Notes, IReadOnlyList<string>? Photos, string? Severity, DateOnly? Deadline);

/// <summary>One checklist item as asked in this inspection, with its answer once given.</summary>
public sealed record InspectionAnswer(
    int Number, HazardCategory Category, string Question, bool EvidenceRequired, HazardSeverity SeverityIfFailed,
    AnswerResult? Result, string? Notes, string[] Photos, HazardSeverity? Severity, DateOnly? Deadline)
{
    public static InspectionAnswer Unanswered(ChecklistItem item) =>
        new(item.Number, item.Category, item.Question, item.EvidenceRequired, item.SeverityIfFailed, null, null, [], null, null);
}

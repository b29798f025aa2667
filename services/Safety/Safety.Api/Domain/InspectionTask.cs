using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// An ad-hoc inspection task (临时排查任务): a resident reported a safety matter in a grid, and an inspector should
/// go and look. Done when an inspection answering it is completed, or when the inspector closes it with a note.
/// </summary>
public sealed class InspectionTask
{
    private InspectionTask()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The grid service's matter; one task per matter.</summary>
    public Guid MatterId { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Location { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    public InspectionTaskStatus Status { get; private set; }

    public Guid? InspectionId { get; private set; }

    public string? Outcome { get; private set; }

    public string? DoneBy { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public static InspectionTask ForMatter(Guid matterId, string gridCode, string location, DateTimeOffset reportedAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MatterId = matterId,
        GridCode = gridCode,
        Location = location,
        // The database takes instants in UTC only; the grid may announce local time.
        ReportedAt = reportedAt,
        Status = InspectionTaskStatus.Open,
    };

    public void RequireOpen()
    {
        if (Status != InspectionTaskStatus.Open)
        {
            throw new DomainRuleViolationException("task.done", "The inspection task is already done.");
        }
    }

    public void AnsweredBy(Inspection inspection, DateTimeOffset now)
    {
        RequireOpen();
        Status = InspectionTaskStatus.Done;
        InspectionId = inspection.Id;
        Outcome = "已检查";
        DoneBy = inspection.InspectorId;
        DoneAt = now;
    }

    public void Close(string? outcome, string actor, DateTimeOffset now)
    {
        new Validation().RequireText(outcome, "outcome", 500).ThrowIfInvalid();
        RequireOpen();
        Status = InspectionTaskStatus.Done;
        Outcome = outcome!.Trim();
        DoneBy = actor;
        DoneAt = now;
    }
}

public enum InspectionTaskStatus
{
    Open,
    Done,
}

public static class InspectionTaskStatuses
{
    public static readonly IReadOnlyDictionary<InspectionTaskStatus, string> Labels = new Dictionary<InspectionTaskStatus, string>
    {
        [InspectionTaskStatus.Open] = "待排查",
        [InspectionTaskStatus.Done] = "已处理",
    };
}

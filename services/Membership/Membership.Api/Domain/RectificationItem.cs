using System.Linq.Expressions;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// One finding on a rectification list (整改清单), e.g. from a county inspection tour (巡察): who owns it, by when,
/// the measures, and the evidence that it was put right.
/// </summary>
public sealed class RectificationItem
{
    private RectificationItem()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Where the finding came from, e.g. 县委巡察反馈 (2026).</summary>
    public string Source { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Finding { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public DateOnly Deadline { get; private set; }

    public string Measures { get; private set; } = "";

    public RectificationStatus Status { get; private set; }

    public string? Progress { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string[] Evidence { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Overdue (逾期): not completed and past its deadline, on the day given; for the list, the figures and an item's response.</summary>
    public static readonly DayRule<RectificationItem> Overdue = new((i, today) => i.Status != RectificationStatus.Completed && i.Deadline < today);

    public bool IsOverdue(DateOnly today) => Overdue.Holds(this, today);

    /// <summary>
    /// Completed after the deadline (逾期完成). Completion ends <see cref="IsOverdue"/>, so this is what keeps the
    /// lateness on the record; the deadline does not change, so it follows from the two dates.
    /// </summary>
    public static readonly Expression<Func<RectificationItem, bool>> WasCompletedLate = i =>
        i.Status == RectificationStatus.Completed && i.CompletedOn > i.Deadline;

    private static readonly Func<RectificationItem, bool> WasCompletedLateCompiled = WasCompletedLate.Compile();

    /// <summary>The same rule as <see cref="WasCompletedLate"/>, for one item in memory.</summary>
    public bool CompletedLate => WasCompletedLateCompiled(this);

    public static RectificationItem Record(
        string? source, string? category, string? finding, string? owner, DateOnly? deadline, string? measures, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(source, "source", 200);
        validation.RequireText(category, "category", 100);
        validation.RequireText(finding, "finding", 2000);
        validation.RequireText(owner, "owner", 100);
        validation.RequireGiven(deadline, "deadline", "is required (yyyy-MM-dd).");
        validation.RequireText(measures, "measures", 4000);
        validation.ThrowIfInvalid();
        return new RectificationItem
        {
            Id = Guid.CreateVersion7(now),
            Source = source!.Trim(),
            Category = category!.Trim(),
            Finding = finding!.Trim(),
            Owner = owner!.Trim(),
            Deadline = deadline!.Value,
            Measures = measures!.Trim(),
            Status = RectificationStatus.Open,
            CreatedAt = now,
        };
    }

    /// <summary>Records work under way (整改中).</summary>
    public void ReportProgress(string? progress)
    {
        new Validation().RequireText(progress, "progress", 2000).ThrowIfInvalid();
        RequireNotCompleted();
        Status = RectificationStatus.InProgress;
        Progress = progress!.Trim();
    }

    /// <summary>Completes the item (整改完成); evidence is required.</summary>
    public void Complete(DateOnly? completedOn, string? progress, IReadOnlyList<string>? evidence, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(completedOn, "completedOn", CommunityTime.DateOf(now));
        validation.RequireMaxLength(progress, "progress", 2000);
        EvidenceReferences.Check(validation, evidence, "evidence", required: true);
        validation.ThrowIfInvalid();
        RequireNotCompleted();
        Status = RectificationStatus.Completed;
        CompletedOn = completedOn;
        Progress = string.IsNullOrWhiteSpace(progress) ? Progress : progress.Trim();
        Evidence = [.. evidence!.Select(e => e.Trim())];
    }

    private void RequireNotCompleted()
    {
        if (Status == RectificationStatus.Completed)
        {
            throw new DomainRuleViolationException("rectification.completed", $"The item was completed on {CompletedOn:yyyy-MM-dd}.");
        }
    }
}

public enum RectificationStatus
{
    /// <summary>待整改</summary>
    Open,

    /// <summary>整改中</summary>
    InProgress,

    /// <summary>已完成</summary>
    Completed,
}

public static class RectificationStatuses
{
    public static readonly IReadOnlyDictionary<RectificationStatus, string> Labels = new Dictionary<RectificationStatus, string>
    {
        [RectificationStatus.Open] = "待整改",
        [RectificationStatus.InProgress] = "整改中",
        [RectificationStatus.Completed] = "已完成",
    };
}

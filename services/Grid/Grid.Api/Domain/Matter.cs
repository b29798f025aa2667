using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>
/// A residents' matter (事项) through the 三事 loop: asked (问事) → accepted (签收) or returned (退单) → optionally
/// deliberated (议事) → handled (办事: assigned with a due date) → resolved → verified and closed with the reporter's
/// satisfaction. Every transition is a rule here and a line in the timeline.
/// </summary>
public sealed class Matter : AggregateRoot
{
    public const int DescriptionMaxLength = 2000;

    private readonly List<MatterTimelineEntry> _timeline = [];

    private Matter()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public MatterCategory Category { get; private set; }

    public string Location { get; private set; } = "";

    /// <summary>May name people: never on the bus, never logged.</summary>
    public string Description { get; private set; } = "";

    public ReporterKind ReporterKind { get; private set; }

    /// <summary>Who reported it; personal data.</summary>
    public string ReporterName { get; private set; } = "";

    public Guid? ReporterResidentId { get; private set; }

    /// <summary>The account that reported it, so a resident sees their own matters and no one else's.</summary>
    public string? ReporterUserId { get; private set; }

    /// <summary>
    /// A resident reported it from their own account, so they rate it themselves; a matter taken down by a worker (by
    /// phone, on a walk) is rated at the worker's return visit (回访), as the 12345 hotline does.
    /// </summary>
    public bool ReporterRates { get; private set; }

    public string[] Photos { get; private set; } = [];

    public MatterStatus Status { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>Who handles it (办事): a unit, department or partner, and the member among them, if any.</summary>
    public string? Handler { get; private set; }

    public Guid? HandlerMemberId { get; private set; }

    /// <summary>When it should be resolved by (Open311 <c>expected_datetime</c>).</summary>
    public DateOnly? DueOn { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Resolution { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The reporter's satisfaction when it was verified, 1 to 5; none when the rating window passed without one.</summary>
    public int? Satisfaction { get; private set; }

    /// <summary>Raised on the matter board (督办) by an overdue hazard, a missed patrol quota or the office.</summary>
    public bool Escalated { get; private set; }

    /// <summary>The last human-readable note on the status (Open311 <c>status_notes</c>).</summary>
    public string? StatusNotes { get; private set; }

    /// <summary>Where the matter came from when another service opened it.</summary>
    public MatterSource Source { get; private set; }

    /// <summary>The hazard, observation or quota the matter was opened for.</summary>
    public string? SourceId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<MatterTimelineEntry> Timeline => _timeline;

    /// <summary>Open311's two states: <c>closed</c> once closed or returned, <c>open</c> before.</summary>
    public bool IsOpen => Status is not (MatterStatus.Closed or MatterStatus.Returned);

    /// <summary>Overdue (超期): accepted and not yet resolved, and past the day it is due by; for the list, the figures and a matter's response.</summary>
    public static readonly DayRule<Matter> Overdue = new((m, today) =>
        (m.Status == MatterStatus.Accepted || m.Status == MatterStatus.Deliberating || m.Status == MatterStatus.Assigned) && m.DueOn < today);

    public bool IsOverdue(DateOnly today) => Overdue.Holds(this, today);

    /// <summary>Matters reported on one of <paramref name="days"/>: the report's "reported" figure and its list.</summary>
    public static IQueryable<Matter> ReportedWithin(IQueryable<Matter> matters, DayRange days) => matters.Where(days.Covers<Matter>(m => m.ReportedAt));

    /// <summary>Matters resolved (办结) on one of <paramref name="days"/>, whatever happened to them since.</summary>
    public static IQueryable<Matter> ResolvedWithin(IQueryable<Matter> matters, DayRange days) => matters.Where(days.Covers<Matter>(m => m.ResolvedAt));

    /// <summary>Matters resolved at any time (<paramref name="resolved"/> true), or not resolved yet.</summary>
    public static IQueryable<Matter> Resolved(IQueryable<Matter> matters, bool resolved) => matters.Where(m => (m.ResolvedAt != null) == resolved);

    /// <summary>Matters with a deliberation session held on one of <paramref name="days"/>, each once however many sessions it had.</summary>
    public static IQueryable<Matter> DeliberatedWithin(IQueryable<Matter> matters, IQueryable<DeliberationSession> sessions, DayRange days)
    {
        var deliberated = DeliberationSession.HeldWithin(sessions, days).Select(s => s.MatterId);
        return matters.Where(m => deliberated.Contains(m.Id));
    }

    public static Matter Report(
        string gridCode, string? category, string? location, string? description, string? reporterKind, string? reporterName,
        Guid? reporterResidentId, IReadOnlyList<string>? photos, Actor actor, bool reporterRates, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedCategory = validation.RequireOneOf(category, "category", MatterCategories.All);
        validation.RequireText(location, "location", 200);
        validation.RequireText(description, "description", DescriptionMaxLength);
        var parsedReporter = validation.RequireOneOf(reporterKind, "reporterKind", ReporterKinds.All);
        validation.RequireText(reporterName, "reporterName", 50);
        validation.RequirePhotoReferences(photos, "photos");
        validation.ThrowIfInvalid();

        var matter = Open(gridCode, parsedCategory!.Value, location!, description!, parsedReporter!.Value, reporterName!, MatterSource.Report, null, now);
        matter.ReporterResidentId = reporterResidentId;
        matter.ReporterUserId = actor.Id;
        matter.ReporterRates = reporterRates;
        matter.Photos = [.. (photos ?? []).Select(p => p.Trim())];
        matter.Record(MatterStatus.Reported, "问事：已登记", actor, now);
        matter.RaiseReported(now);
        return matter;
    }

    /// <summary>
    /// A matter another service raised (a hazard, a patrol observation, a missed quota). With a due date it is
    /// signed for at once (the hazard's deadline is the grid's); without one it waits for the grid worker.
    /// </summary>
    public static Matter OpenFor(
        MatterSource source, string sourceId, string gridCode, MatterCategory category, string location, string description,
        DateOnly? dueOn, bool escalated, DateTimeOffset now)
    {
        var matter = Open(gridCode, category, location, description, ReporterKind.System, MatterSources.Labels[source], source, sourceId, now);
        matter.Escalated = escalated;
        matter.Record(MatterStatus.Reported, $"由{MatterSources.Labels[source]}自动登记", Actor.System, now);
        if (dueOn is not null)
        {
            matter.Accept(dueOn.Value, "自动签收", Actor.System, now);
        }

        matter.RaiseReported(now);
        return matter;
    }

    /// <summary>签收: the grid takes the matter on; the clock starts and it is due after the category's days.</summary>
    public void Accept(DateOnly dueOn, string? note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("accept", MatterStatus.Reported);
        Status = MatterStatus.Accepted;
        AcceptedAt = now;
        DueOn = dueOn;
        Record(MatterStatus.Accepted, string.IsNullOrWhiteSpace(note) ? "签收" : note.Trim(), actor, now);
    }

    /// <summary>退单: the matter is not the grid's to handle, with the reason the reporter will read.</summary>
    public void Return(string? reason, Actor actor, DateTimeOffset now)
    {
        new Validation().RequireText(reason, "reason", 500).ThrowIfInvalid();
        RequireStatus("return", MatterStatus.Reported);
        Status = MatterStatus.Returned;
        ReturnReason = reason!.Trim();
        Record(MatterStatus.Returned, "退单：" + ReturnReason, actor, now);
    }

    /// <summary>议事: the matter goes to the deliberation room (常青说事室) or a building meeting.</summary>
    public void StartDeliberation(string? note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("deliberate", MatterStatus.Accepted);
        Status = MatterStatus.Deliberating;
        Record(MatterStatus.Deliberating, string.IsNullOrWhiteSpace(note) ? "提交议事" : note.Trim(), actor, now);
    }

    /// <summary>Notes a deliberation session's decision on the timeline.</summary>
    public void NoteSession(DeliberationSession session, Actor actor, DateTimeOffset now)
    {
        RequireStatus("record a deliberation session", MatterStatus.Deliberating);
        Record(MatterStatus.Deliberating, "议事决定：" + session.Decision, actor, now);
    }

    /// <summary>Notes a building vote's result on the timeline (also when the matter has moved on while the vote ran).</summary>
    public void NoteVote(BuildingVote vote, Actor actor, DateTimeOffset now)
    {
        Record(MatterStatus.Deliberating, $"楼栋表决「{vote.Question}」：{(vote.Passed == true ? "通过" : "未通过")}（同意 {vote.Consents}/{vote.EligibleHouseholdIds.Length} 户）", actor, now);
    }

    /// <summary>办事: assigned to a handler with a due date.</summary>
    public void Assign(string? handler, Guid? handlerMemberId, DateOnly? dueOn, Actor actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(handler, "handler", 100);
        validation.RequireGiven(dueOn, "dueOn", "is required (yyyy-MM-dd).");
        validation.Require(dueOn is null || dueOn >= CommunityTime.DateOf(now), "dueOn", ValidationFailure.NotPast());
        validation.ThrowIfInvalid();
        RequireStatus("assign", MatterStatus.Accepted, MatterStatus.Deliberating);
        Status = MatterStatus.Assigned;
        Handler = handler!.Trim();
        HandlerMemberId = handlerMemberId;
        DueOn = dueOn;
        Record(MatterStatus.Assigned, $"交办：{Handler}，{dueOn:yyyy-MM-dd}前办结", actor, now);
    }

    /// <summary>Resolved by the handler; the event names the member who resolved it, for their points.</summary>
    public void Resolve(string? resolution, Actor actor, DateTimeOffset now)
    {
        new Validation().RequireText(resolution, "resolution", 2000).ThrowIfInvalid();
        RequireOwnLifecycle("resolve");
        RequireStatus("resolve", MatterStatus.Assigned);
        Status = MatterStatus.Resolved;
        ResolvedAt = now;
        Resolution = resolution!.Trim();
        Record(MatterStatus.Resolved, "办结：" + Resolution, actor, now);
        RaiseResolved(now);
    }

    /// <summary>Matters rated satisfied at this score or above close; below it they go back to be handled again.</summary>
    public const int SatisfiedFrom = 3;

    /// <summary>
    /// 回访: the worker records the satisfaction the reporter gave on the return visit. A matter the reporter rates
    /// themselves (<see cref="ReporterRates"/>) is theirs to rate, not the worker's.
    /// </summary>
    public void Close(int? satisfaction, string? note, Actor actor, DateTimeOffset now)
    {
        RequireOwnLifecycle("close");
        if (ReporterRates)
        {
            throw new DomainRuleViolationException(
                "matter.rating", "The resident who reported this matter rates it; it closes with their rating, or without one when the rating window passes.");
        }

        Verify(satisfaction, note, actor, now);
    }

    /// <summary>Whether <paramref name="userId"/> is the reporter who rates this matter.</summary>
    public bool IsRatedBy(string userId) => ReporterRates && ReporterUserId == userId;

    /// <summary>The reporter rates the resolution (评价). Satisfied closes the matter; dissatisfied sends it back.</summary>
    public void Rate(int? satisfaction, string? comment, Actor reporter, DateTimeOffset now)
    {
        if (!IsRatedBy(reporter.Id))
        {
            throw new InvalidOperationException("Only the reporter rates a matter; the API checks this before calling.");
        }

        Verify(satisfaction, comment, reporter, now);
    }

    /// <summary>
    /// The rating window passed with no rating: closed without a score (默认办结), as 12345 closes an unrated case,
    /// so that a reporter who does not answer does not hold the matter open for ever.
    /// </summary>
    public void CloseUnrated(TimeSpan window, DateTimeOffset now)
    {
        RequireStatus("close unrated", MatterStatus.Resolved);
        if (ResolvedAt > now - window)
        {
            throw new DomainRuleViolationException("matter.rating", $"The rating window of {window.TotalDays:0.#} days has not passed yet.");
        }

        Status = MatterStatus.Closed;
        ClosedAt = now;
        Satisfaction = null;
        Record(MatterStatus.Closed, $"{window.TotalDays:0.#} 天内未评价，自动销号", Actor.System, now);
        RaiseClosed(now);
    }

    /// <summary>Resolved matters whose rating window has passed without a rating.</summary>
    public static IQueryable<Matter> AwaitingRatingSince(IQueryable<Matter> matters, DateTimeOffset resolvedBefore) =>
        matters.Where(m => m.Status == MatterStatus.Resolved && m.ResolvedAt < resolvedBefore);

    /// <summary>
    /// The hazard behind the matter was re-inspected and closed by the safety service, the matter's owner: it counts
    /// as the matter's resolution (办结) and closes it.
    /// </summary>
    public bool CloseForRectifiedHazard(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }

        if (ResolvedAt is null)
        {
            ResolvedAt = now;
            Resolution = "隐患已整改并复查合格";
            RaiseResolved(now);
        }

        Status = MatterStatus.Closed;
        ClosedAt = now;
        Record(MatterStatus.Closed, "隐患整改复查合格，自动销号", Actor.System, now);
        RaiseClosed(now);
        return true;
    }

    /// <summary>The hazard was reopened with a new deadline; the matter is due when the hazard is.</summary>
    public void FollowReopenedHazard(DateOnly deadline, DateTimeOffset now)
    {
        if (!IsOpen || DueOn == deadline)
        {
            return;
        }

        DueOn = deadline;
        Record(Status, $"隐患复查未通过，整改期限改为 {deadline:yyyy-MM-dd}", Actor.System, now);
    }

    private void Verify(int? satisfaction, string? note, Actor actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.Require(satisfaction is >= 1 and <= 5, "satisfaction", ValidationFailure.Range(1, 5, "must be from 1 (very dissatisfied) to 5 (very satisfied)."));
        validation.RequireMaxLength(note?.Trim(), "note", 500);
        validation.ThrowIfInvalid();
        RequireStatus("rate", MatterStatus.Resolved);
        var remark = string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim();
        if (satisfaction < SatisfiedFrom)
        {
            // Not closed on a bad score: back to the handler, and on the 督办 board so the secretary sees it.
            Status = MatterStatus.Assigned;
            ResolvedAt = null;
            Resolution = null;
            Escalated = true;
            Record(MatterStatus.Assigned, $"评价不满意（{satisfaction}/5）{remark}，退回重办并督办", actor, now);
            Raise(new MatterReopened
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, MatterId = Id, GridCode = GridCode, Category = Category.ToString(),
                Satisfaction = satisfaction!.Value, ServiceRequestId = CountyServiceRequestId(), ReopenedAt = now,
            });
            return;
        }

        Status = MatterStatus.Closed;
        ClosedAt = now;
        Satisfaction = satisfaction;
        Record(MatterStatus.Closed, $"回访销号，满意度 {satisfaction}/5" + remark, actor, now);
        RaiseClosed(now);
    }

    /// <summary>督办: raised on the matter board, with the reason on the timeline.</summary>
    public void Escalate(string reason, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleViolationException("matter.status", $"A {Status} matter cannot be escalated.");
        }

        Escalated = true;
        Record(Status, "督办：" + reason, actor, now);
    }

    private static Matter Open(
        string gridCode, MatterCategory category, string location, string description, ReporterKind reporterKind, string reporterName,
        MatterSource source, string? sourceId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        GridCode = gridCode,
        Category = category,
        Location = location.Trim(),
        Description = description.Trim(),
        ReporterKind = reporterKind,
        ReporterName = reporterName.Trim(),
        Status = MatterStatus.Reported,
        ReportedAt = now,
        Source = source,
        SourceId = sourceId,
        UpdatedAt = now,
    };

    private void RaiseResolved(DateTimeOffset now) => Raise(new MatterResolved
    {
        EventId = Guid.CreateVersion7(now), OccurredAt = now, MatterId = Id, GridCode = GridCode, Category = Category.ToString(),
        ResolverMemberId = HandlerMemberId, ResolvedAt = now, ServiceRequestId = CountyServiceRequestId(),
    });

    /// <summary>
    /// A matter opened for a hazard mirrors the hazard, which the safety service owns: grid steps that would resolve or
    /// close it while the hazard stays open are refused, naming the hazard, instead of letting the two disagree.
    /// </summary>
    private void RequireOwnLifecycle(string action)
    {
        if (Source == MatterSource.Hazard)
        {
            throw new DomainRuleViolationException(
                "matter.mirrored",
                $"Cannot {action} a matter opened for hazard {SourceId}: the safety service owns it, and the matter is resolved and closed when the hazard is re-inspected and closed.",
                new Dictionary<string, object?> { ["owner"] = "safety", ["hazardId"] = SourceId });
        }
    }

    private void RaiseReported(DateTimeOffset now) => Raise(new MatterReported
    {
        EventId = Guid.CreateVersion7(now), OccurredAt = now, MatterId = Id, GridCode = GridCode, Category = Category.ToString(),
        Location = Location, ReportedAt = ReportedAt, Source = Source.ToString(), ServiceRequestId = CountyServiceRequestId(),
    });

    private void RaiseClosed(DateTimeOffset now) => Raise(new MatterClosed
    {
        EventId = Guid.CreateVersion7(now), OccurredAt = now, MatterId = Id, GridCode = GridCode, Category = Category.ToString(),
        Satisfaction = Satisfaction, ServiceRequestId = CountyServiceRequestId(), ClosedAt = now,
    });

    private Guid? CountyServiceRequestId() => Source == MatterSource.CountyCase && Guid.TryParse(SourceId, out var id) ? id : null;

    private void RequireStatus(string action, params MatterStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleViolationException(
                "matter.transition",
                $"Cannot {action} a matter that is {Status}; allowed from {string.Join(" or ", allowed)}.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString() });
        }
    }

    private void Record(MatterStatus status, string note, Actor actor, DateTimeOffset now)
    {
        // Two steps in one request (opened and signed for at once) must keep their order when sorted by time, at
        // the database's microsecond precision.
        var at = _timeline.Count > 0 && _timeline[^1].At >= now ? _timeline[^1].At.AddMicroseconds(1) : now;
        StatusNotes = note.Length > 500 ? note[..500] : note;
        UpdatedAt = now;
        _timeline.Add(new MatterTimelineEntry(Guid.CreateVersion7(at), Id, at, status, StatusNotes, actor.Id, actor.Name));
    }
}

/// <summary>One line of a matter's timeline: what happened, when, by whom.</summary>
/// <remarks><paramref name="ActorName"/> is the name as it was when the step was taken; empty on steps recorded before names were kept.</remarks>
public sealed record MatterTimelineEntry(Guid Id, Guid MatterId, DateTimeOffset At, MatterStatus Status, string Note, string Actor, string ActorName);

public enum MatterStatus
{
    /// <summary>问事: reported, waiting to be signed for.</summary>
    Reported,

    /// <summary>签收</summary>
    Accepted,

    /// <summary>退单</summary>
    Returned,

    /// <summary>议事</summary>
    Deliberating,

    /// <summary>办事: assigned to a handler.</summary>
    Assigned,

    /// <summary>办结</summary>
    Resolved,

    /// <summary>销号: verified with the reporter and closed.</summary>
    Closed,
}

public enum MatterCategory
{
    /// <summary>矛盾纠纷</summary>
    Dispute,

    /// <summary>信访</summary>
    Petition,

    /// <summary>加装电梯</summary>
    ElevatorRetrofit,

    /// <summary>环境卫生</summary>
    Environment,

    /// <summary>物业服务</summary>
    Property,

    /// <summary>安全隐患</summary>
    Safety,

    /// <summary>其他</summary>
    Other,
}

public enum ReporterKind
{
    GridWorker,
    BuildingHead,
    UnitHead,
    Resident,

    /// <summary>Another service opened it (a hazard, a patrol).</summary>
    System,
}

public enum MatterSource
{
    Report,
    Hazard,
    PatrolObservation,
    PatrolQuota,

    /// <summary>A case the county platform handed down and the community signed for.</summary>
    CountyCase,
}

public static class MatterCategories
{
    public static readonly IReadOnlyDictionary<MatterCategory, string> All = new Dictionary<MatterCategory, string>
    {
        [MatterCategory.Dispute] = "矛盾纠纷",
        [MatterCategory.Petition] = "信访",
        [MatterCategory.ElevatorRetrofit] = "加装电梯",
        [MatterCategory.Environment] = "环境卫生",
        [MatterCategory.Property] = "物业服务",
        [MatterCategory.Safety] = "安全隐患",
        [MatterCategory.Other] = "其他",
    };
}

public static class ReporterKinds
{
    /// <summary>The kinds a person may report as.</summary>
    public static readonly IReadOnlyDictionary<ReporterKind, string> All = new Dictionary<ReporterKind, string>
    {
        [ReporterKind.GridWorker] = "网格员",
        [ReporterKind.BuildingHead] = "楼栋长",
        [ReporterKind.UnitHead] = "单元长",
        [ReporterKind.Resident] = "居民",
    };

    /// <summary>Every kind's label, with the system's own filings that no person may claim.</summary>
    public static readonly IReadOnlyDictionary<ReporterKind, string> Labels =
        new Dictionary<ReporterKind, string>(All) { [ReporterKind.System] = "系统转入" };
}

public static class MatterSources
{
    public static readonly IReadOnlyDictionary<MatterSource, string> Labels = new Dictionary<MatterSource, string>
    {
        [MatterSource.Report] = "群众反映",
        [MatterSource.Hazard] = "安全隐患排查",
        [MatterSource.PatrolObservation] = "平安义警巡逻",
        [MatterSource.PatrolQuota] = "巡查任务督办",
        [MatterSource.CountyCase] = "县级平台交办",
    };
}

public static class MatterStatusLabels
{
    public static readonly IReadOnlyDictionary<MatterStatus, string> All = new Dictionary<MatterStatus, string>
    {
        [MatterStatus.Reported] = "待签收",
        [MatterStatus.Accepted] = "已签收",
        [MatterStatus.Returned] = "已退单",
        [MatterStatus.Deliberating] = "议事中",
        [MatterStatus.Assigned] = "办理中",
        [MatterStatus.Resolved] = "已办结",
        [MatterStatus.Closed] = "已销号",
    };
}

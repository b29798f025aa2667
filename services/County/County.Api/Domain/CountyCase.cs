using CommunityPlatform.Contracts.County;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.County.Domain;

/// <summary>
/// A case the county platform (县级平台) handed down, in Open311 GeoReport v2 terms. The community signs for it (签收),
/// which hands it to a grid as a matter, or returns it with a reason (退单); the matter's progress then moves the case
/// on. Every change is announced as <see cref="CountyCaseStatusChanged"/>.
/// </summary>
public sealed class CountyCase : AggregateRoot
{
    public const int CountyCaseIdMaxLength = 64;
    public const int DescriptionMaxLength = 2000;
    public const int AddressMaxLength = 200;
    public const int NotesMaxLength = 500;

    /// <summary>How far ahead of our clock the county's may run before a request time counts as in the future.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private CountyCase()
    {
    }

    /// <summary>Ours (Open311 <c>service_request_id</c>), time-ordered.</summary>
    public Guid Id { get; private set; }

    /// <summary>The county platform's own id: unique, so a resubmission finds the case instead of making a second.</summary>
    public string CountyCaseId { get; private set; } = "";

    public string ServiceCode { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Where: a building, a road, a place — the county is asked not to name people here or in the description.</summary>
    public string Address { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>When the county received it (Open311 <c>requested_datetime</c>).</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the county expects it done (Open311 <c>expected_datetime</c>).</summary>
    public DateTimeOffset? ExpectedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public CaseState State { get; private set; }

    public string StatusNotes { get; private set; } = "";

    public string? GridCode { get; private set; }

    public Guid? MatterId { get; private set; }

    /// <summary>Who signed for or returned it: the staff member's account.</summary>
    public string? HandledBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CountyCase Receive(
        string? countyCaseId, string? serviceCode, string? description, string? address, double? latitude, double? longitude,
        DateTimeOffset? requestedAt, DateTimeOffset? expectedAt, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(countyCaseId, "county_case_id", CountyCaseIdMaxLength)
            .Require(countyCaseId is null || countyCaseId.Trim().All(c => c is > ' ' and < (char)127), "county_case_id", ValidationFailure.Format("ASCII", "must be visible ASCII characters without spaces."));
        validation.Require(CountyServices.Find(serviceCode) is not null, "service_code",
            ValidationFailure.OneOf(string.Join(", ", CountyServices.All.Select(s => s.Code)), $"must be one of the codes GET /api/county/services lists: {string.Join(", ", CountyServices.All.Select(s => s.Code))}."));
        validation.RequireText(description, "description", DescriptionMaxLength);
        validation.RequireText(address, "address", AddressMaxLength);
        validation.Require((latitude is null) == (longitude is null), latitude is null ? "lat" : "long", ValidationFailure.Of(ValidationCodes.Conflicting, "lat and long are given together or not at all."));
        validation.RequireRange(latitude, "lat", -90, 90, "must be between -90 and 90 (WGS 84 degrees).");
        validation.RequireRange(longitude, "long", -180, 180, "must be between -180 and 180 (WGS 84 degrees).");
        validation.Require(requestedAt is null || requestedAt <= now + ClockSkew, "requested_datetime", ValidationFailure.NotFuture());
        now = Instant(now);
        var requested = Instant(requestedAt ?? now);
        validation.Require(expectedAt is null || expectedAt > requested, "expected_datetime", ValidationFailure.After("requested_datetime"));
        validation.ThrowIfInvalid();

        var countyCase = new CountyCase
        {
            Id = Guid.CreateVersion7(now),
            CountyCaseId = countyCaseId!.Trim(),
            ServiceCode = serviceCode!.Trim(),
            Description = description!.Trim(),
            Address = address!.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            RequestedAt = requested,
            ExpectedAt = expectedAt is { } expected ? Instant(expected) : null,
            ReceivedAt = now,
        };
        countyCase.MoveTo(CaseState.Received, "县级平台交办，待社区签收", now);
        return countyCase;
    }

    public CountyService Service => CountyServices.Find(ServiceCode)!;

    /// <summary>
    /// A sign-for's input on its face: a grid code of the grid service's shape and a note that fits. Checked before the
    /// grid service is asked whether the grid exists, so what it could never have made is not sent to it.
    /// </summary>
    public static void CheckSignFor(string? gridCode, string? note) =>
        new Validation()
            .RequireGridCode(gridCode, "grid_code")
            .RequireMaxLength(note?.Trim(), "note", NotesMaxLength)
            .RequirePlainText(note, "note")
            .ThrowIfInvalid();

    /// <summary>签收: the community takes the case on and hands it to <paramref name="gridCode"/>'s grid as a matter.</summary>
    public void SignFor(string gridCode, string? note, string actor, DateTimeOffset now)
    {
        CheckSignFor(gridCode, note);
        RequireState("sign for", CaseState.Received);
        GridCode = gridCode;
        HandledBy = actor;
        MoveTo(CaseState.SignedFor, string.IsNullOrWhiteSpace(note) ? $"社区已签收，交网格 {gridCode} 办理" : note.Trim(), now);
        Raise(new CountyCaseSignedFor
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, ServiceRequestId = Id, ServiceCode = ServiceCode, Category = Service.MatterCategory,
            GridCode = gridCode, Location = Address, Description = Description, ExpectedDatetime = ExpectedAt, SignedForAt = now,
        });
    }

    /// <summary>退单: the case is not the community's to handle; the reason goes back to the county as the status notes.</summary>
    public void Return(string? reason, string actor, DateTimeOffset now)
    {
        new Validation().RequireText(reason, "reason", NotesMaxLength).ThrowIfInvalid();
        RequireState("return", CaseState.Received);
        HandledBy = actor;
        MoveTo(CaseState.Returned, "退单：" + reason!.Trim(), now);
    }

    /// <summary>The grid opened the matter. Like the steps after it, it only ever moves the case forward.</summary>
    public void MatterOpened(Guid matterId, DateTimeOffset now) =>
        Advance(matterId, CaseState.InProgress, "网格已受理，正在办理", now);

    public void MatterResolved(Guid matterId, DateTimeOffset now) =>
        Advance(matterId, CaseState.Resolved, "已办结，待回访核实", now);

    public void MatterClosed(Guid matterId, int? satisfaction, DateTimeOffset now) =>
        Advance(matterId, CaseState.Closed, satisfaction is { } s ? $"已回访销号，满意度 {s}/5" : "已销号", now);

    /// <summary>
    /// The matter was rated dissatisfied and sent back: the one step back a case takes, from resolved to in progress.
    /// Were it to arrive before the resolution it revokes, it changes nothing, and the next resolution and closing
    /// bring the case to where the matter is.
    /// </summary>
    public void MatterReopened(Guid matterId, int satisfaction, DateTimeOffset now)
    {
        if (State == CaseState.Resolved && MatterId == matterId)
        {
            MoveTo(CaseState.InProgress, $"回访不满意（{satisfaction}/5），退回重办", now);
        }
    }

    /// <summary>
    /// The grid's events travel on separate queues, so they may arrive out of order: a step the case has already
    /// passed changes nothing, and a later step may arrive first (in progress is then skipped).
    /// </summary>
    private void Advance(Guid matterId, CaseState to, string notes, DateTimeOffset now)
    {
        if (State is CaseState.Received or CaseState.Returned)
        {
            return;
        }

        MatterId ??= matterId;
        if (State < to)
        {
            MoveTo(to, notes, now);
        }
    }

    private void RequireState(string action, CaseState allowed)
    {
        if (State != allowed)
        {
            throw new DomainRuleViolationException(
                "case.transition",
                $"Cannot {action} a case that is {State.WireName()}; only a {allowed.WireName()} case.",
                new Dictionary<string, object?> { ["currentState"] = State.WireName() });
        }
    }

    /// <summary>
    /// In UTC to the microsecond, as the database keeps it, so the answer to a write and every later read of the case
    /// (and its feed events) agree to the digit.
    /// </summary>
    private static DateTimeOffset Instant(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private void MoveTo(CaseState state, string notes, DateTimeOffset now)
    {
        now = Instant(now);
        State = state;
        StatusNotes = notes.Length > NotesMaxLength ? notes[..NotesMaxLength] : notes;
        UpdatedAt = now;
        Raise(new CountyCaseStatusChanged
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, ServiceRequestId = Id, CountyCaseId = CountyCaseId, ServiceCode = ServiceCode,
            State = state.WireName(), Status = state.Open311Status(), StatusNotes = StatusNotes, MatterId = MatterId, UpdatedDatetime = now,
        });
    }
}

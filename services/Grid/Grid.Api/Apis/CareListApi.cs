using System.Security.Claims;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Grid.Apis;

/// <summary>
/// The care list (重点人员). Only the roles of the care-list policy, and a grid worker only for their grids, reach
/// it; every read of a record names why and is written to the append-only audit trail before the answer leaves;
/// nothing of it is published. Lists of due visits show no personal fields, so they need no reason.
/// </summary>
public static class CareListApi
{
    public const string ReadAction = "care_record_read";

    /// <summary>An attempt to read the care list that was refused: no reason, a record outside the reader's grids, a role not allowed.</summary>
    public const string RefusedReadAction = "care_record_read_refused";

    public static IEndpointRouteBuilder MapCareListApi(this IEndpointRouteBuilder app)
    {
        var care = app.MapGroup("/api/grid/care-list").WithTags("Care list");

        care.MapPost("/", Register).WithSummary("Put a person on the care list with category, risk, responsible worker and visit plan").RequireAuthorization(GridPolicies.ManageCareList);
        care.MapGet("/", List)
            .WithSummary("The care records of your grids with their personal fields; ?reason= is required and every record returned is audited")
            .WithMetadata(AuditedCareListRead.Instance)
            .RequireAuthorization(GridPolicies.ReadCareList);
        care.MapGet("/audit", ListReads)
            .WithName("ListCareListReads")
            .WithSummary("Who read which care record when and why, refused attempts marked, newest first; by reader, record and days; secretary only")
            .RequireAuthorization(GridPolicies.ReadCareListAudit);
        care.MapGet("/visits-due", VisitsDue)
            .WithSummary("Care records whose next visit is due by a date (default today), without personal fields")
            .RequireAuthorization(GridPolicies.ReadCareList);
        care.MapGet("/{id:guid}", Get)
            .WithSummary("One care record with its visits; ?reason= is required and the read is audited")
            .WithMetadata(AuditedCareListRead.Instance)
            .RequireAuthorization(GridPolicies.ReadCareList);
        care.MapPost("/{id:guid}/visits", RecordVisit)
            .WithSummary("Record a visit (走访) with notes; a retry with the same Idempotency-Key gets the first answer")
            .WithIdempotency<GridDbContext>()
            .RequireAuthorization(GridPolicies.ManageCareList);

        return app;
    }

    public static async Task<Created<CareRecordSummary>> Register(
        RegisterCarePersonRequest request, ClaimsPrincipal caller, GridDbContext db, CareListProtector protector, AuditTrail audit, IOptions<GridOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var gridCode = await db.RequireGridAsync(request.GridCode, GridScope.Of(caller), cancellationToken);
        var person = CarePerson.Register(
            gridCode, request.Category, request.Risk, request.ResponsibleWorkerId, request.VisitIntervalDays, request.SensitiveIntervalDays,
            request.Details, protector.Seal, time.GetUtcNow());
        db.CarePeople.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("care_record_created", caller, person.Id.ToString(), null, cancellationToken);
        return TypedResults.Created($"/api/grid/care-list/{person.Id}", CareRecordSummary.From(person, options.Value.SensitivePeriods));
    }

    public static async Task<Ok<List<CareRecordResponse>>> List(
        ClaimsPrincipal caller, GridDbContext db, CareListProtector protector, AuditTrail audit, IOptions<GridOptions> options,
        string? reason, [AsParameters] CareRecordFilter filter, CancellationToken cancellationToken)
    {
        var why = await RequireReasonAsync(reason, audit, caller, null, cancellationToken);
        var list = await filter.ApplyAsync(GridScope.Of(caller).Filter(db.CarePeople.AsNoTracking(), p => p.GridCode), cancellationToken);
        foreach (var person in list)
        {
            await audit.RecordAsync(ReadAction, caller, person.Id.ToString(), why, cancellationToken);
        }

        return TypedResults.Ok(list.Select(p => CareRecordResponse.From(p, protector.OpenDetails(p.Sealed), [], options.Value.SensitivePeriods)).ToList());
    }

    public static async Task<Results<Ok<CareRecordResponse>, NotFound>> Get(
        Guid id, ClaimsPrincipal caller, GridDbContext db, CareListProtector protector, AuditTrail audit, IOptions<GridOptions> options,
        string? reason, CancellationToken cancellationToken)
    {
        var why = await RequireReasonAsync(reason, audit, caller, id, cancellationToken);
        var person = await db.CarePeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        if (!GridScope.Of(caller).Covers(person.GridCode))
        {
            // Answered as if it did not exist, but the attempt is on the trail.
            await audit.RecordAsync(RefusedReadAction, caller, person.Id.ToString(), why, cancellationToken);
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(ReadAction, caller, person.Id.ToString(), why, cancellationToken);
        var visits = await db.CareVisits.AsNoTracking().Where(v => v.CarePersonId == id).OrderByDescending(v => v.VisitedOn).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(CareRecordResponse.From(
            person, protector.OpenDetails(person.Sealed),
            visits.Select(v => new CareVisitResponse(v.Id, v.VisitedOn, v.VisitorId, protector.Open(v.SealedNotes))).ToList(),
            options.Value.SensitivePeriods));
    }

    public static async Task<Ok<List<CareRecordSummary>>> VisitsDue(
        ClaimsPrincipal caller, GridDbContext db, IOptions<GridOptions> options, TimeProvider time, [AsParameters] VisitsDueFilter filter, CancellationToken cancellationToken)
    {
        var people = await GridScope.Of(caller).Filter(db.CarePeople.AsNoTracking(), p => p.GridCode).ToListAsync(cancellationToken);
        var summaries = people.Select(p => CareRecordSummary.From(p, options.Value.SensitivePeriods));
        return TypedResults.Ok(filter.Apply(summaries, CommunityTime.Today(time)).OrderBy(p => p.NextVisitDue).ToList());
    }

    public static async Task<Results<Created<CareRecordSummary>, NotFound>> RecordVisit(
        Guid id, RecordCareVisitRequest request, ClaimsPrincipal caller, GridDbContext db, CareListProtector protector, IOptions<GridOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var person = await db.CarePeople.FindInScopeAsync(p => p.Id == id, GridScope.Of(caller), p => p.GridCode, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var visit = CareVisit.Record(person, request.VisitedOn, request.Notes, caller.Id(), protector.Seal, time.GetUtcNow());
        db.CareVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/grid/care-list/{id}", CareRecordSummary.From(person, options.Value.SensitivePeriods));
    }

    /// <summary>The care-list reads and refused attempts, newest first, without anything of the records but their ids.</summary>
    public static async Task<Ok<Page<CareListReadResponse>>> ListReads(
        GridDbContext db, [AsParameters] CareListReadFilter filter, long? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == ReadAction || a.Action == RefusedReadAction));
        return TypedResults.Ok(await query.ToNewestFirstPageAsync(cursor, limit, CareListReadResponse.From, cancellationToken));
    }

    /// <summary>The stated reason; a read without one is refused, and the refusal audited, before anything is looked up.</summary>
    private static async Task<string> RequireReasonAsync(string? reason, AuditTrail audit, ClaimsPrincipal caller, Guid? record, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(reason, "reason", 200);
        if (validation.HasErrors)
        {
            await audit.RecordAsync(RefusedReadAction, caller, record?.ToString(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken);
            validation.ThrowIfInvalid();
        }

        return reason!.Trim();
    }
}

public sealed record RegisterCarePersonRequest(
    string? GridCode, string? Category, string? Risk, string? ResponsibleWorkerId, int? VisitIntervalDays, CareDetails? Details, int? SensitiveIntervalDays = null);

public sealed record RecordCareVisitRequest(DateOnly? VisitedOn, string? Notes);

/// <summary>A care record without its personal fields: for due-visit lists and acknowledgements.</summary>
public sealed record CareRecordSummary(
    Guid Id, string GridCode, CareCategory Category, RiskLevel Risk, string ResponsibleWorkerId, DateOnly? LastVisitedOn, DateOnly NextVisitDue)
{
    public static CareRecordSummary From(CarePerson p, IReadOnlyList<SensitivePeriod> periods) =>
        new(p.Id, p.GridCode, p.Category, p.Risk, p.ResponsibleWorkerId, p.LastVisitedOn, p.NextVisitDue(periods));
}

/// <summary>
/// One read of the care list as the audit shows it: who, when, which record (its id only — nothing of the record
/// itself), why, and whether it was refused. A list read has one entry per record returned; a refused list read
/// names no record.
/// </summary>
public sealed record CareListReadResponse(long Id, DateTimeOffset OccurredAt, string ReaderId, string? ReaderName, Guid? RecordId, string? Reason, bool Refused)
{
    public static CareListReadResponse From(AuditEntry entry) => new(
        entry.Id, entry.OccurredAt, entry.Actor, entry.ActorName, Guid.TryParse(entry.Subject, out var id) ? id : null, entry.Detail,
        entry.Action == CareListApi.RefusedReadAction);
}

/// <summary>Marks the care-list reads whose refusal by the authorization policy is audited too (<see cref="CareListRefusals"/>).</summary>
public sealed class AuditedCareListRead
{
    public static readonly AuditedCareListRead Instance = new();

    private AuditedCareListRead()
    {
    }
}

public sealed record CareVisitResponse(Guid Id, DateOnly VisitedOn, string VisitorId, string Notes);

public sealed record CareRecordResponse(CareRecordSummary Record, CareDetails Details, IReadOnlyList<CareVisitResponse> Visits)
{
    public static CareRecordResponse From(CarePerson p, CareDetails details, IReadOnlyList<CareVisitResponse> visits, IReadOnlyList<SensitivePeriod> periods) =>
        new(CareRecordSummary.From(p, periods), details, visits);
}

/// <summary>The filters of the care list; both are optional and they combine.</summary>
public sealed class CareRecordFilter
{
    [FromQuery(Name = "gridCode")]
    public string? GridCode { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>The records to list, at most 500. The category is sealed in the database, so it is matched after loading, on a grid's few dozen records.</summary>
    internal async Task<List<CarePerson>> ApplyAsync(IQueryable<CarePerson> people, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var category = Category is null ? null : validation.RequireOneOf(Category, "category", CareCategories.All);
        validation.ThrowIfInvalid();

        people = people.WhereIf(GridCode is not null, p => p.GridCode == GridCode);

        var loaded = await people.OrderBy(p => p.GridCode).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. loaded.Where(p => category == null || p.Category == category).Take(500)];
    }
}

/// <summary>The filters of the care-list audit; every one is optional and they combine.</summary>
public sealed class CareListReadFilter
{
    /// <summary>The reader's account id.</summary>
    [FromQuery(Name = "reader")]
    public string? Reader { get; init; }

    /// <summary>The care record read.</summary>
    [FromQuery(Name = "record")]
    public Guid? Record { get; init; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    internal IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        var validation = new Validation();
        var days = DayRange.Of(From, To, "from", "to", validation);
        validation.ThrowIfInvalid();

        query = query.Where(days.Covers<AuditEntry>(a => a.OccurredAt));
        if (!string.IsNullOrWhiteSpace(Reader))
        {
            var readerId = Reader.Trim();
            query = query.Where(a => a.Actor == readerId);
        }

        if (Record is { } record)
        {
            var subject = record.ToString();
            query = query.Where(a => a.Subject == subject);
        }

        return query;
    }
}

/// <summary>The filter of the due visits.</summary>
public sealed class VisitsDueFilter
{
    /// <summary>The records whose next visit is due by this day (default today).</summary>
    [FromQuery(Name = "by")]
    public DateOnly? By { get; init; }

    /// <summary>The due records; the next visit is worked out from the record and the sensitive periods, so it is matched in memory.</summary>
    internal IEnumerable<CareRecordSummary> Apply(IEnumerable<CareRecordSummary> records, DateOnly today)
    {
        var day = By ?? today;
        return records.Where(p => p.NextVisitDue <= day);
    }
}
